import { type SQL, sql } from 'drizzle-orm';
import type { ReportRecord } from '../../../contract/reports/reportRecordSchema.ts';
import type { ReportRecordsPage } from '../../../contract/reports/reportRecordsPageSchema.ts';
import type { ReportRecordsQuery } from '../../../contract/reports/reportRecordsQuerySchema.ts';
import { callbackOutcomes } from '../../../domain/lead/leadStatuses.ts';
import { backlogAgeBoundaries } from '../../../domain/report/backlogAgeBoundaries.ts';
import { parseHandleTimePathKey } from '../../../domain/report/handleTimePath.ts';
import { listReportBuckets } from '../../../domain/report/reportBuckets.ts';
import { backlogAgeBuckets } from '../../../domain/report/reportFigureIds.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';
import { reportBotRepository } from '../../repositories/reportBotRepository.ts';
import { reportMissedCallRepository } from '../../repositories/reportMissedCallRepository.ts';
import {
  attemptSource,
  leadSource,
  type RecordScope,
  reportRecordRepository,
} from '../../repositories/reportRepository.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { loadReportRecords } from './loadReportRecords.ts';
import { resolveReportWindow } from './resolveReportWindow.ts';

const within = (column: SQL, scope: RecordScope) =>
  sql`${column} >= ${scope.start} and ${column} < ${scope.end}`;

function segmentError(message: LocalisedText): AppError {
  return new AppError('validation-failed', message, [{ where: '/segment', message }]);
}

/**
 * `GET /reports/records`: the records behind one figure (or one series point, or one segment of a
 * breakdown) with the same definitions as the summary, newest first (handle time: longest first),
 * masked. Consultations, transfers or leads, as the figure counts them.
 */
export async function listReportRecords(
  ctx: AppContext,
  query: ReportRecordsQuery,
): Promise<ReportRecordsPage> {
  const now = ctx.now();
  const facts = await loadCalendarFacts(ctx);
  const report = resolveReportWindow(query, now, facts, ctx.env.IEUM_REPEAT_CONTACT_DAYS);
  const { filter, window } = report;
  let scope: RecordScope = { start: window.start, end: window.end };
  if (query.bucket !== undefined) {
    const bucket = listReportBuckets(report.from, report.to, query.groupBy).find(
      (b) => b.key === query.bucket,
    );
    if (!bucket) {
      const message = msg('reports.bucketOutsidePeriod', {
        bucket: query.bucket,
        from: report.from,
        to: report.to,
      });
      throw new AppError('validation-failed', message, [{ where: '/bucket', message }]);
    }
    scope = {
      start: new Date(Math.max(bucket.startMs, window.start.getTime())),
      end: new Date(Math.min(bucket.endMs, window.end.getTime())),
    };
  }
  const paging = { limit: query.limit, offset: query.offset };
  const figure = query.figure;
  const segment = query.segment;
  if (
    segment !== undefined &&
    !['handleTime.median', 'handleTime.p90', 'transfer.backlog', 'callbacks.attempts'].includes(figure)
  ) {
    throw segmentError(msg('reports.segmentNotUsed'));
  }
  const db = ctx.database.db;
  let ids: Array<{
    kind: ReportRecord['kind'];
    id: string;
    total: number;
    attempt?: number | null;
    repeatedBy?: { id: string; startedAt: Date } | null;
  }>;

  if (figure === 'missedCallbacks.due' || figure === 'missedCallbacks.overdue') {
    const which = figure === 'missedCallbacks.due' ? 'due' : 'overdue';
    const rows = await reportMissedCallRepository.callIds(db, filter, which, scope, now, paging);
    ids = rows.map((row) => ({ kind: 'missed-call', id: row.id, total: row.total }));
  } else if (figure.startsWith('bot.')) {
    // The consultations the bot's conversations saved (resolved) or handed over (handed off).
    const ends = figure === 'bot.handedOff' ? (['handed-off'] as const) : (['resolved'] as const);
    const rows = await reportBotRepository.consultationIds(db, filter, scope, ends, paging);
    ids = rows.map((row) => ({ kind: 'consultation', id: row.id, total: row.total }));
  } else if (
    figure.startsWith('consultations.') ||
    figure.startsWith('handleTime.') ||
    figure === 'transfer.rate'
  ) {
    let where = sql`true`;
    if (figure === 'consultations.completed' || figure.startsWith('handleTime.'))
      where = sql`c.status = 'completed'`;
    if (figure === 'consultations.abandoned') where = sql`c.status = 'abandoned'`;
    if (figure === 'consultations.open') where = sql`c.status = 'open'`;
    if (figure === 'transfer.rate') where = sql`c.status = 'completed' and t.id is not null`;
    if (segment !== undefined) {
      const path = parseHandleTimePathKey(segment);
      if (!path) throw segmentError(msg('reports.segmentNotAPath'));
      where = sql`${where} and c.guide_id = ${path.guideId} and c.script_id is not distinct from ${path.scriptId}
        and c.inquiry_type is not distinct from ${path.inquiryType} and c.path = ${JSON.stringify(path.path)}::jsonb`;
    }
    const order = figure.startsWith('handleTime.') ? 'longest' : 'newest';
    const rows = await reportRecordRepository.consultationIds(db, filter, scope, where, order, paging);
    ids = rows.map((row) => ({ kind: 'consultation', id: row.id, total: row.total }));
  } else if (figure.startsWith('repeatContact.')) {
    const rows = await reportRecordRepository.repeatedConsultationIds(db, filter, window, scope, paging);
    ids = rows.map((row) => ({
      kind: 'consultation',
      id: row.id,
      total: row.total,
      repeatedBy: row.nextId && row.nextStartedAt ? { id: row.nextId, startedAt: row.nextStartedAt } : null,
    }));
  } else if (figure.startsWith('transfer.')) {
    let where: SQL;
    if (figure === 'transfer.backlog') {
      where = sql`t.status in ('received', 'in-progress', 'unreachable') and t.created_at < ${scope.end}`;
      if (segment !== undefined) {
        const range = backlogAgeBoundaries(now, facts).find((candidate) => candidate.bucket === segment);
        if (!range) throw segmentError(msg('reports.segmentOneOf', { values: backlogAgeBuckets.join(', ') }));
        if (range.after) where = sql`${where} and t.created_at > ${range.after}`;
        if (range.atOrBefore) where = sql`${where} and t.created_at <= ${range.atOrBefore}`;
      }
    } else {
      where = within(sql`t.created_at`, scope);
      if (figure === 'transfer.slaMet')
        where = sql`${where} and least(t.contacted_at, t.closed_at) <= t.due_at`;
      if (figure === 'transfer.slaBreaches') {
        where = sql`${where} and (least(t.contacted_at, t.closed_at) > t.due_at
          or (t.contacted_at is null and t.closed_at is null and t.due_at < ${now}))`;
      }
    }
    const rows = await reportRecordRepository.transferIds(db, filter, where, paging);
    ids = rows.map((row) => ({ kind: 'transfer', id: row.id, total: row.total }));
  } else {
    let source: SQL;
    const pending = sql`l.status not in ('won', 'lost')`;
    if (figure === 'leads.filed')
      source = leadSource(filter, within(sql`l.created_at`, scope), sql`l.created_at`);
    else if (figure === 'leads.won') {
      source = leadSource(
        filter,
        sql`${within(sql`l.created_at`, scope)} and l.status = 'won'`,
        sql`l.created_at`,
      );
    } else if (figure === 'callbacks.overdue') {
      source = leadSource(
        filter,
        sql`${pending} and l.callback_due_at < ${now} and l.created_at < ${scope.end}`,
        sql`l.callback_due_at`,
      );
    } else if (figure === 'callbacks.due') {
      source = sql`${leadSource(filter, sql`${pending} and ${within(sql`l.callback_due_at`, scope)}`, sql`l.callback_due_at`)}
        union all ${attemptSource(filter, within(sql`lc.due_at`, scope), sql`lc.due_at`)}`;
    } else {
      let where = within(sql`lc.at`, scope);
      if (segment !== undefined) {
        if (!(callbackOutcomes as readonly string[]).includes(segment)) {
          throw segmentError(msg('reports.segmentOneOf', { values: callbackOutcomes.join(', ') }));
        }
        where = sql`${where} and lc.outcome = ${segment}`;
      }
      source = attemptSource(filter, where, sql`lc.at`);
    }
    const rows = await reportRecordRepository.leadIds(db, source, paging);
    ids = rows.map((row) => ({ kind: 'lead', id: row.id, total: row.total, attempt: row.attempt }));
  }

  return {
    figure,
    bucket: query.bucket ?? null,
    segment: segment ?? null,
    total: ids[0]?.total ?? (query.offset > 0 ? await countBeyond() : 0),
    limit: query.limit,
    offset: query.offset,
    items: await loadReportRecords(ctx, ids, now),
  };

  // A page past the end has no row to carry the total; ask again from the start for it.
  async function countBeyond(): Promise<number> {
    const first = await listReportRecords(ctx, { ...query, offset: 0, limit: 1 });
    return first.total;
  }
}
