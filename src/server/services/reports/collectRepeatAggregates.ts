import { DAY_MS } from '../../../domain/calendar/toSeoulDay.ts';
import type { Database } from '../../db/openDatabase.ts';
import { reportRepository } from '../../repositories/reportRepository.ts';
import { reportRollupRepository } from '../../repositories/reportRollupRepository.ts';
import type { ResolvedReport } from './resolveReportWindow.ts';

/** Repeat-contact counts of one bucket (null: the range's total). */
export type RepeatAggregate = { bucket: string | null; eligible: number; repeated: number };

/** The longest gap report_repeat_days tells apart (migration 0022); a longer one is kept as null. */
const LONGEST_ROLLUP_GAP_DAYS = 120;

/**
 * Eligible and repeated completions per bucket. By day or week without filters they come from the
 * report_repeat_days rollup, the window of each completion day given as its length in calendar
 * days; otherwise (a filter, by hour, or a window longer than the rollup tells apart) from the
 * consultations of the range, each with its caller's next contact kept on the row.
 */
export async function collectRepeatAggregates(
  db: Database,
  report: ResolvedReport,
): Promise<RepeatAggregate[]> {
  const { filter, window } = report;
  const groupBy = window.groupBy;
  const unfiltered = Object.values(filter).every((value) => value === undefined);
  // A window ends at the Seoul midnight after its last day: its span is that day minus the completion day.
  const spans = window.repeatWindowEnds.map((entry) => ({
    day: entry.day,
    span: Math.round((entry.endsAt.getTime() - Date.parse(`${entry.day}T00:00:00+09:00`)) / DAY_MS) - 1,
  }));
  if (groupBy === 'hour' || !unfiltered || spans.some((entry) => entry.span > LONGEST_ROLLUP_GAP_DAYS)) {
    return reportRepository.repeatAggregates(db, filter, window);
  }
  return reportRollupRepository.repeatCounts(db, window, groupBy, spans);
}
