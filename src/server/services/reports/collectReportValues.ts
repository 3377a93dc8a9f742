import { type CallbackOutcome, callbackOutcomes } from '../../../domain/lead/leadStatuses.ts';
import type { BacklogAgeRange } from '../../../domain/report/backlogAgeBoundaries.ts';
import {
  emptyReportFigures,
  type ReportValues,
  seriesFigureIds,
} from '../../../domain/report/computeReportFigures.ts';
import { handleTimePathKey, type PathStep } from '../../../domain/report/handleTimePath.ts';
import type { ReportFigureId } from '../../../domain/report/reportFigureIds.ts';
import { shareOf } from '../../../domain/report/shareOf.ts';
import type { Database } from '../../db/openDatabase.ts';
import { reportBotRepository } from '../../repositories/reportBotRepository.ts';
import { reportMissedCallRepository } from '../../repositories/reportMissedCallRepository.ts';
import { reportRepository } from '../../repositories/reportRepository.ts';
import { collectActivityAggregates } from './collectActivityAggregates.ts';
import { collectConsultationAggregates } from './collectConsultationAggregates.ts';
import { collectHandleTimeByPath } from './collectHandleTimeByPath.ts';
import { collectRepeatAggregates } from './collectRepeatAggregates.ts';
import type { ResolvedReport } from './resolveReportWindow.ts';

function isPath(value: unknown): value is PathStep[] {
  return (
    Array.isArray(value) &&
    value.every(
      (step: unknown) =>
        typeof step === 'object' &&
        step !== null &&
        'nodeId' in step &&
        typeof step.nodeId === 'string' &&
        'answer' in step &&
        typeof step.answer === 'string',
    )
  );
}

function isCallbackOutcome(value: string | null): value is CallbackOutcome {
  return value !== null && (callbackOutcomes as readonly string[]).includes(value);
}

function boundOf(ranges: readonly BacklogAgeRange[], bucket: BacklogAgeRange['bucket']): Date {
  const range = ranges.find((candidate) => candidate.bucket === bucket);
  if (!range?.after) throw new Error(`backlog bucket ${bucket} has no lower bound`);
  return range.after;
}

/**
 * Runs the report's SQL aggregates (concurrently: PostgreSQL spreads them over connections, PGlite
 * queues them) and assembles the same values `computeReportFigures` computes in memory.
 */
export async function collectReportValues(
  db: Database,
  report: ResolvedReport,
  ranges: readonly BacklogAgeRange[],
): Promise<ReportValues> {
  const { filter, window } = report;
  const range = { start: window.start, end: window.end };
  const [consultations, repeats, { transfers, leads, due, attempts }, backlog, paths, bot, missed] =
    await Promise.all([
      collectConsultationAggregates(db, report),
      collectRepeatAggregates(db, report),
      collectActivityAggregates(db, report),
      reportRepository.backlog(db, filter, window, {
        fourHours: boundOf(ranges, 'under-4h'),
        oneDay: boundOf(ranges, '4h-1d'),
        threeDays: boundOf(ranges, '1d-3d'),
      }),
      collectHandleTimeByPath(db, report),
      reportBotRepository.conversationCounts(db, filter, range),
      reportMissedCallRepository.counts(db, filter, range, window.now),
    ]);
  // One map of figure values per bucket key; '' holds the range's totals (GROUPING SETS' total row).
  const byBucket = new Map<string, Partial<Record<ReportFigureId, number | null>>>();
  const put = (bucket: string | null, figures: Partial<Record<ReportFigureId, number | null>>) => {
    const key = bucket ?? '';
    byBucket.set(key, { ...byBucket.get(key), ...figures });
  };
  put(null, { 'consultations.started': 0, 'consultations.completed': 0 });
  for (const row of consultations) {
    put(row.bucket, {
      'consultations.started': row.started,
      'consultations.completed': row.completed,
      'consultations.abandoned': row.abandoned,
      'consultations.open': row.open,
      'handleTime.median': row.median,
      'handleTime.p90': row.p90,
      'transfer.rate': shareOf(row.transferred, row.completed),
    });
  }
  for (const row of repeats) {
    put(row.bucket, {
      'repeatContact.rate': shareOf(row.repeated, row.eligible),
      'repeatContact.count': row.repeated,
    });
  }
  for (const row of transfers) {
    put(row.bucket, {
      'transfer.filed': row.filed,
      'transfer.slaMet': shareOf(row.met, row.met + row.breached),
      'transfer.slaBreaches': row.breached,
    });
  }
  const leadsByStatus: ReportValues['leadsByStatus'] = {
    new: 0,
    'brochure-sent': 0,
    called: 0,
    won: 0,
    lost: 0,
  };
  for (const row of leads) {
    put(row.bucket, { 'leads.filed': row.filed, 'leads.won': row.won });
    if (row.bucket === null) {
      Object.assign(leadsByStatus, {
        new: row.new,
        'brochure-sent': row.brochureSent,
        called: row.called,
        won: row.won,
        lost: row.lost,
      });
    }
  }
  for (const row of due) put(row.bucket, { 'callbacks.due': row.due });
  const callbackCounts: ReportValues['callbackOutcomes'] = {};
  const attemptsByBucket = new Map<string, number>();
  let attemptTotal = 0;
  for (const row of attempts) {
    attemptTotal += row.attempts;
    if (row.bucket !== null)
      attemptsByBucket.set(row.bucket, (attemptsByBucket.get(row.bucket) ?? 0) + row.attempts);
    if (isCallbackOutcome(row.outcome))
      callbackCounts[row.outcome] = (callbackCounts[row.outcome] ?? 0) + row.attempts;
  }
  for (const [bucket, attemptsInBucket] of attemptsByBucket)
    put(bucket, { 'callbacks.attempts': attemptsInBucket });

  const totals = byBucket.get('') ?? {};
  const backlogRow = backlog[0];
  const empty = emptyReportFigures();
  const figureIn = (id: ReportFigureId, source: Partial<Record<ReportFigureId, number | null>>) =>
    source[id] === undefined ? empty[id] : (source[id] ?? null);
  const figures = emptyReportFigures();
  for (const id of seriesFigureIds) figures[id] = figureIn(id, totals);
  return {
    figures: {
      ...figures,
      'callbacks.attempts': attemptTotal,
      'transfer.backlog': backlogRow
        ? backlogRow.under4h + backlogRow.upTo1d + backlogRow.upTo3d + backlogRow.over3d
        : 0,
      'callbacks.overdue': backlogRow?.overdueCallbacks ?? 0,
      'bot.resolved': bot.resolved,
      'bot.handedOff': bot.handedOff,
      'bot.resolutionRate': shareOf(bot.resolved, bot.resolved + bot.handedOff),
      'missedCallbacks.due': missed.due,
      'missedCallbacks.overdue': missed.overdue,
    },
    series: Object.fromEntries(
      seriesFigureIds.map((id) => [
        id,
        Object.fromEntries(
          [...byBucket].filter(([key]) => key !== '').map(([key, values]) => [key, figureIn(id, values)]),
        ),
      ]),
    ),
    handleTimeByPath: paths.map((row) => {
      const identity = {
        guideId: row.guideId,
        scriptId: row.scriptId,
        inquiryType: row.inquiryType,
        path: isPath(row.path) ? row.path : [],
      };
      return {
        ...identity,
        key: handleTimePathKey(identity),
        outcome: row.outcome,
        count: row.count,
        medianSeconds: row.median,
        p90Seconds: row.p90,
      };
    }),
    backlogByAge: {
      'under-4h': backlogRow?.under4h ?? 0,
      '4h-1d': backlogRow?.upTo1d ?? 0,
      '1d-3d': backlogRow?.upTo3d ?? 0,
      'over-3d': backlogRow?.over3d ?? 0,
    },
    callbackOutcomes: callbackCounts,
    leadsByStatus,
  };
}
