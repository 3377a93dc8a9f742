import type { ReportQuery } from '../../../contract/reports/reportQuerySchema.ts';
import { addBusinessDays } from '../../../domain/calendar/addBusinessDays.ts';
import type { CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import { DAY_MS, seoulDateKey, seoulDayStartMs, toSeoulDay } from '../../../domain/calendar/toSeoulDay.ts';
import { reportRangeOf } from '../../../domain/report/reportBuckets.ts';
import type { ReportFilter, ReportWindow } from '../../repositories/reportRepository.ts';

/** Days a report reads by default, ending today. */
const DEFAULT_DAYS = 30;
/**
 * Completions this many days after the range still get their repeat window (a consultation started
 * late on the last day and completed after midnight; open ones are abandoned after hours, not days).
 */
const COMPLETION_SLACK_DAYS = 2;

/** The report's dates (defaults applied), filters and the instants its SQL compares with. */
export type ResolvedReport = { from: string; to: string; filter: ReportFilter; window: ReportWindow };

/**
 * Turns a report query into dates and instants: `to` defaults to today in Seoul and `from` to 29
 * days before it; the repeat-contact window end of every completion day is computed here on the
 * business calendar (pure domain), so the SQL only compares instants.
 */
export function resolveReportWindow(
  query: ReportQuery,
  now: Date,
  facts: CalendarFacts,
  repeatContactDays: number,
): ResolvedReport {
  const today = toSeoulDay(now.getTime()).day;
  const to = query.to ?? seoulDateKey(today);
  const toDay = Math.floor(Date.parse(`${to}T00:00:00Z`) / DAY_MS);
  const from = query.from ?? seoulDateKey(Math.min(toDay, today) - (DEFAULT_DAYS - 1));
  const fromDay = Math.floor(Date.parse(`${from}T00:00:00Z`) / DAY_MS);
  const { startMs, endMs } = reportRangeOf(from, to);
  const repeatWindowEnds: Array<{ day: string; endsAt: Date }> = [];
  for (let day = fromDay; day <= toDay + COMPLETION_SLACK_DAYS; day++) {
    const { endsAt } = addBusinessDays(new Date(seoulDayStartMs(day)), repeatContactDays, facts);
    repeatWindowEnds.push({ day: seoulDateKey(day), endsAt });
  }
  const lookaheadEnd = repeatWindowEnds.reduce(
    (latest, entry) => (entry.endsAt.getTime() > latest.getTime() ? entry.endsAt : latest),
    new Date(endMs),
  );
  return {
    from,
    to,
    filter: {
      guideId: query.guideId,
      inquiryType: query.inquiryType,
      channel: query.channel,
      agentId: query.agentId,
      outcome: query.outcome,
    },
    window: {
      start: new Date(startMs),
      end: new Date(endMs),
      now,
      groupBy: query.groupBy,
      repeatWindowEnds,
      lookaheadEnd,
    },
  };
}
