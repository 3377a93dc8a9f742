import { seoulDateKey, seoulDayStartMs, toSeoulDay } from '../../../domain/calendar/toSeoulDay.ts';
import type { Database } from '../../db/openDatabase.ts';
import { reportRepository } from '../../repositories/reportRepository.ts';
import { reportRollupRepository } from '../../repositories/reportRollupRepository.ts';
import type { ResolvedReport } from './resolveReportWindow.ts';

type TransferRow = { bucket: string | null; filed: number; met: number; breached: number };
type LeadRow = {
  bucket: string | null;
  filed: number;
  won: number;
  new: number;
  brochureSent: number;
  called: number;
  lost: number;
};
type DueRow = { bucket: string | null; due: number };
type AttemptRow = { bucket: string | null; outcome: string | null; attempts: number };

/** Transfer, lead and callback figures per bucket (null: the range's total; attempts per bucket only). */
export type ActivityAggregates = {
  transfers: TransferRow[];
  leads: LeadRow[];
  due: DueRow[];
  attempts: AttemptRow[];
};

/** The lead row's field counting a lead status (none for a status the summary does not list). */
function leadFieldOf(status: string): 'won' | 'new' | 'brochureSent' | 'called' | 'lost' | null {
  switch (status) {
    case 'won':
    case 'new':
    case 'called':
    case 'lost':
      return status;
    case 'brochure-sent':
      return 'brochureSent';
    default:
      return null;
  }
}

/**
 * Transfers filed (met, breached), leads filed by status, callbacks due and attempts by outcome.
 * By day or week without filters from the report_activity_days rollup: an open transfer is
 * breached when its due date is before today (Seoul), and of those due today the ones due before
 * `now` are counted from transfers (index transfers_open_due_idx). Otherwise (a filter, by hour)
 * from the tables, as the rollup keeps no filter.
 */
export async function collectActivityAggregates(
  db: Database,
  report: ResolvedReport,
): Promise<ActivityAggregates> {
  const { filter, window } = report;
  const groupBy = window.groupBy;
  if (groupBy === 'hour' || Object.values(filter).some((value) => value !== undefined)) {
    const [transfers, leads, due, attempts] = await Promise.all([
      reportRepository.transferAggregates(db, filter, window),
      reportRepository.leadAggregates(db, filter, window),
      reportRepository.callbacksDue(db, filter, window),
      reportRepository.callbackAttempts(db, filter, window),
    ]);
    return { transfers, leads, due, attempts };
  }
  const todayDay = toSeoulDay(window.now.getTime()).day;
  const today = seoulDateKey(todayDay);
  const [rows, dueToday] = await Promise.all([
    reportRollupRepository.activityCounts(db, window, groupBy),
    reportRollupRepository.openDueToday(db, window, groupBy, new Date(seoulDayStartMs(todayDay))),
  ]);
  const transfers = new Map<string | null, TransferRow>();
  const leads = new Map<string | null, LeadRow>();
  const due = new Map<string | null, DueRow>();
  const attempts: AttemptRow[] = [];
  const transferOf = (bucket: string | null) => {
    const row = transfers.get(bucket) ?? { bucket, filed: 0, met: 0, breached: 0 };
    transfers.set(bucket, row);
    return row;
  };
  for (const row of rows) {
    if (row.measure === 'transfer') {
      const entry = transferOf(row.bucket);
      entry.filed += row.count;
      if (row.detail === 'met') entry.met += row.count;
      else if (row.detail === 'late') entry.breached += row.count;
      // 'open:YYYY-MM-DD' (ISO dates compare as text): due on an earlier day is past due now.
      else if (row.detail.startsWith('open:') && row.detail.slice(5) < today) entry.breached += row.count;
    } else if (row.measure === 'lead') {
      const entry = leads.get(row.bucket) ?? {
        bucket: row.bucket,
        filed: 0,
        won: 0,
        new: 0,
        brochureSent: 0,
        called: 0,
        lost: 0,
      };
      leads.set(row.bucket, entry);
      entry.filed += row.count;
      const field = leadFieldOf(row.detail);
      if (field) entry[field] += row.count;
    } else if (row.measure === 'callback.due') {
      const entry = due.get(row.bucket) ?? { bucket: row.bucket, due: 0 };
      due.set(row.bucket, entry);
      entry.due += row.count;
    } else if (row.measure === 'callback.attempt' && row.bucket !== null) {
      attempts.push({ bucket: row.bucket, outcome: row.detail, attempts: row.count });
    }
  }
  for (const row of dueToday) transferOf(row.bucket).breached += row.count;
  return { transfers: [...transfers.values()], leads: [...leads.values()], due: [...due.values()], attempts };
}
