import { addBusinessDays } from '../calendar/addBusinessDays.ts';
import type { CalendarFacts } from '../calendar/CalendarFacts.ts';
import { type CallbackOutcome, isClosedLeadStatus, type LeadStatus } from '../lead/leadStatuses.ts';
import type { TransferStatus } from '../transfer/transferStatuses.ts';
import { backlogAgeBoundaries, backlogAgeBucketOf } from './backlogAgeBoundaries.ts';
import { classifyTransferSla } from './classifyTransferSla.ts';
import { type HandleTimePathIdentity, handleTimePathKey, type PathStep } from './handleTimePath.ts';
import { quantile } from './quantile.ts';
import { listReportBuckets, reportBucketKeyOf, reportRangeOf } from './reportBuckets.ts';
import {
  type BacklogAgeBucket,
  type ReportFigureId,
  type ReportGroupBy,
  reportFigureIds,
} from './reportFigureIds.ts';
import { shareOf } from './shareOf.ts';

/** A consultation as the formulas see it (filters already applied by whoever gathered the rows). */
export type ReportConsultation = {
  id: string;
  status: 'open' | 'completed' | 'abandoned';
  guideId: string;
  scriptId: string | null;
  inquiryType: number | null;
  outcome: string | null;
  path: readonly PathStep[];
  startedAt: Date;
  completedAt: Date | null;
  /** Blind index of the caller's number; null when the consultation has none (a chat, erased data). */
  callerKey: string | null;
  /** The kind of transfer filed from it, if any. */
  transferKind: 'transfer' | 'lead' | null;
};

/** A transfer as the SLA and backlog formulas see it. */
export type ReportTransfer = {
  id: string;
  status: TransferStatus;
  createdAt: Date;
  dueAt: Date;
  contactedAt: Date | null;
  closedAt: Date | null;
};

/** A lead as the lead and callback formulas see it. */
export type ReportLead = { id: string; status: LeadStatus; createdAt: Date; callbackDueAt: Date | null };

/** One recorded callback attempt. */
export type ReportCallbackAttempt = {
  leadId: string;
  at: Date;
  dueAt: Date | null;
  outcome: CallbackOutcome;
};

/**
 * A KakaoTalk chatbot conversation as the bot's figures see it: when it started and how it ended —
 * resolved by the bot, handed off to a person, or not (yet) ended (active, expired).
 */
export type ReportBotConversation = {
  startedAt: Date;
  status: 'active' | 'resolved' | 'handed-off' | 'expired';
};

/** A missed call's callback (CTI) as the missed-callback figures see it. */
export type ReportMissedCallback = {
  startedAt: Date;
  dueAt: Date;
  /** open: to call back; done: called back; erased: closed with its number, nobody to call. */
  status: 'open' | 'done' | 'erased';
};

/** Everything a report is computed from. */
export type ReportDataset = {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  now: Date;
  repeatContactDays: number;
  facts: CalendarFacts;
  /**
   * Consultations matching the report's filters (any start time; the range is applied here): the
   * agents' — the chatbot's own consultations only when the report is narrowed to its account.
   */
  consultations: readonly ReportConsultation[];
  /**
   * Every consultation with a caller key, whatever the filters: a caller who comes back to another
   * agent or on another channel still came back.
   */
  followUps: readonly Pick<
    ReportConsultation,
    'id' | 'guideId' | 'inquiryType' | 'callerKey' | 'startedAt'
  >[];
  transfers: readonly ReportTransfer[];
  leads: readonly ReportLead[];
  callbackAttempts: readonly ReportCallbackAttempt[];
  /** The chatbot's conversations matching the report's filters (none when left out). */
  botConversations?: readonly ReportBotConversation[];
  /** Missed calls' callbacks matching the report's filters (none when left out). */
  missedCallbacks?: readonly ReportMissedCallback[];
};

/** One row of the handle-time breakdown. */
export type HandleTimeByPath = HandleTimePathIdentity & {
  key: string;
  outcome: string | null;
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/** The figures of a report: totals, per-bucket values of the series figures, and the breakdowns. */
export type ReportValues = {
  figures: Record<ReportFigureId, number | null>;
  series: Partial<Record<ReportFigureId, Record<string, number | null>>>;
  handleTimeByPath: HandleTimeByPath[];
  backlogByAge: Record<BacklogAgeBucket, number>;
  callbackOutcomes: Partial<Record<CallbackOutcome, number>>;
  leadsByStatus: Record<LeadStatus, number>;
};

/**
 * Figures without a series: measured at "now" only (backlog, overdue callbacks) or over the whole
 * range only (the chatbot's line, the missed calls' callbacks beside the agents' figures).
 */
const rangeOnlyFigureIds: ReadonlySet<ReportFigureId> = new Set<ReportFigureId>([
  'transfer.backlog',
  'callbacks.overdue',
  'bot.resolved',
  'bot.handedOff',
  'bot.resolutionRate',
  'missedCallbacks.due',
  'missedCallbacks.overdue',
]);

/** Figures that have a series. */
export const seriesFigureIds: readonly ReportFigureId[] = reportFigureIds.filter(
  (id) => !rangeOnlyFigureIds.has(id),
);

type Totals = {
  started: number;
  completed: number;
  abandoned: number;
  open: number;
  handleSeconds: number[];
  transferred: number;
  repeatEligible: number;
  repeated: number;
  filed: number;
  slaMet: number;
  slaBreached: number;
  callbacksDue: number;
  attempts: number;
  leadsFiled: number;
  leadsWon: number;
  botResolved: number;
  botHandedOff: number;
  missedCallbacksDue: number;
};

const emptyTotals = (): Totals => ({
  started: 0,
  completed: 0,
  abandoned: 0,
  open: 0,
  handleSeconds: [],
  transferred: 0,
  repeatEligible: 0,
  repeated: 0,
  filed: 0,
  slaMet: 0,
  slaBreached: 0,
  callbacksDue: 0,
  attempts: 0,
  leadsFiled: 0,
  leadsWon: 0,
  botResolved: 0,
  botHandedOff: 0,
  missedCallbacksDue: 0,
});

function figuresOf(totals: Totals): Record<ReportFigureId, number | null> {
  const sorted = [...totals.handleSeconds].sort((a, b) => a - b);
  return {
    'consultations.started': totals.started,
    'consultations.completed': totals.completed,
    'consultations.abandoned': totals.abandoned,
    'consultations.open': totals.open,
    'handleTime.median': quantile(sorted, 0.5),
    'handleTime.p90': quantile(sorted, 0.9),
    'transfer.rate': shareOf(totals.transferred, totals.completed),
    'transfer.filed': totals.filed,
    'transfer.slaMet': shareOf(totals.slaMet, totals.slaMet + totals.slaBreached),
    'transfer.slaBreaches': totals.slaBreached,
    'transfer.backlog': 0,
    'callbacks.due': totals.callbacksDue,
    'callbacks.overdue': 0,
    'callbacks.attempts': totals.attempts,
    'leads.filed': totals.leadsFiled,
    'leads.won': totals.leadsWon,
    'repeatContact.rate': shareOf(totals.repeated, totals.repeatEligible),
    'repeatContact.count': totals.repeated,
    'bot.resolved': totals.botResolved,
    'bot.handedOff': totals.botHandedOff,
    'bot.resolutionRate': shareOf(totals.botResolved, totals.botResolved + totals.botHandedOff),
    'missedCallbacks.due': totals.missedCallbacksDue,
    'missedCallbacks.overdue': 0,
  };
}

/** Every figure of an empty report: counts 0, shares and times null (nothing to divide or rank). */
export function emptyReportFigures(): Record<ReportFigureId, number | null> {
  return figuresOf(emptyTotals());
}

/**
 * The report's formulas over records in memory: the reference the SQL of the reports repository
 * is checked against (integration test), and the definitions in `reportFigureDefinitions` in code.
 * Consultation figures count consultations started in the range; transfer figures transfers filed
 * in it; callbacks by due time or attempt time; backlog and overdue callbacks are measured at `now`.
 */
export function computeReportFigures(data: ReportDataset): ReportValues {
  const { startMs, endMs } = reportRangeOf(data.from, data.to);
  const inRange = (at: Date | null) => at !== null && at.getTime() >= startMs && at.getTime() < endMs;
  const buckets = listReportBuckets(data.from, data.to, data.groupBy);
  const total = emptyTotals();
  const perBucket = new Map(buckets.map((bucket) => [bucket.key, emptyTotals()]));
  const both = (at: Date, add: (totals: Totals) => void) => {
    add(total);
    const bucket = perBucket.get(reportBucketKeyOf(at, data.groupBy));
    if (bucket) add(bucket);
  };

  const followUpsByCaller = new Map<string, Array<{ id: string; startedAt: Date }>>();
  for (const later of data.followUps) {
    if (later.callerKey === null || later.inquiryType === null) continue;
    const key = `${later.callerKey}|${later.guideId}|${later.inquiryType}`;
    const list = followUpsByCaller.get(key) ?? [];
    list.push({ id: later.id, startedAt: later.startedAt });
    followUpsByCaller.set(key, list);
  }
  const isRepeated = (consultation: ReportConsultation): boolean => {
    if (consultation.completedAt === null) return false;
    const key = `${consultation.callerKey}|${consultation.guideId}|${consultation.inquiryType}`;
    const windowEnd = addBusinessDays(consultation.completedAt, data.repeatContactDays, data.facts).endsAt;
    return (followUpsByCaller.get(key) ?? []).some((later) => {
      const after =
        later.startedAt.getTime() > consultation.startedAt.getTime() ||
        (later.startedAt.getTime() === consultation.startedAt.getTime() && later.id > consultation.id);
      return after && later.startedAt.getTime() < windowEnd.getTime();
    });
  };

  const paths = new Map<
    string,
    { row: HandleTimePathIdentity & { outcome: string | null }; seconds: number[] }
  >();
  for (const consultation of data.consultations) {
    if (!inRange(consultation.startedAt)) continue;
    const completed = consultation.status === 'completed' && consultation.completedAt !== null;
    const seconds =
      completed && consultation.completedAt
        ? (consultation.completedAt.getTime() - consultation.startedAt.getTime()) / 1000
        : null;
    const eligible = completed && consultation.callerKey !== null && consultation.inquiryType !== null;
    const repeated = eligible && isRepeated(consultation);
    both(consultation.startedAt, (totals) => {
      totals.started += 1;
      if (consultation.status === 'abandoned') totals.abandoned += 1;
      if (consultation.status === 'open') totals.open += 1;
      if (!completed || seconds === null) return;
      totals.completed += 1;
      totals.handleSeconds.push(seconds);
      if (consultation.transferKind !== null) totals.transferred += 1;
      if (eligible) totals.repeatEligible += 1;
      if (repeated) totals.repeated += 1;
    });
    if (seconds !== null) {
      const identity = {
        guideId: consultation.guideId,
        scriptId: consultation.scriptId,
        inquiryType: consultation.inquiryType,
        path: consultation.path,
      };
      const key = `${handleTimePathKey(identity)}|${consultation.outcome ?? ''}`;
      const entry = paths.get(key) ?? { row: { ...identity, outcome: consultation.outcome }, seconds: [] };
      entry.seconds.push(seconds);
      paths.set(key, entry);
    }
  }

  const ranges = backlogAgeBoundaries(data.now, data.facts);
  const backlogByAge: Record<BacklogAgeBucket, number> = {
    'under-4h': 0,
    '4h-1d': 0,
    '1d-3d': 0,
    'over-3d': 0,
  };
  let backlog = 0;
  for (const transfer of data.transfers) {
    if (inRange(transfer.createdAt)) {
      const sla = classifyTransferSla(transfer, data.now);
      both(transfer.createdAt, (totals) => {
        totals.filed += 1;
        if (sla === 'met') totals.slaMet += 1;
        if (sla === 'breached') totals.slaBreached += 1;
      });
    }
    const open = transfer.status !== 'contacted' && transfer.status !== 'closed';
    if (open && transfer.createdAt.getTime() < endMs) {
      backlog += 1;
      backlogByAge[backlogAgeBucketOf(transfer.createdAt, ranges)] += 1;
    }
  }

  const leadsByStatus: Record<LeadStatus, number> = {
    new: 0,
    'brochure-sent': 0,
    called: 0,
    won: 0,
    lost: 0,
  };
  let overdueCallbacks = 0;
  for (const lead of data.leads) {
    if (inRange(lead.createdAt)) {
      leadsByStatus[lead.status] += 1;
      both(lead.createdAt, (totals) => {
        totals.leadsFiled += 1;
        if (lead.status === 'won') totals.leadsWon += 1;
      });
    }
    const pending = !isClosedLeadStatus(lead.status) && lead.callbackDueAt !== null;
    if (pending && lead.callbackDueAt && inRange(lead.callbackDueAt)) {
      both(lead.callbackDueAt, (totals) => {
        totals.callbacksDue += 1;
      });
    }
    if (
      pending &&
      lead.callbackDueAt &&
      lead.callbackDueAt.getTime() < data.now.getTime() &&
      lead.createdAt.getTime() < endMs
    ) {
      overdueCallbacks += 1;
    }
  }
  const callbackOutcomes: Partial<Record<CallbackOutcome, number>> = {};
  for (const attempt of data.callbackAttempts) {
    if (attempt.dueAt && inRange(attempt.dueAt)) {
      both(attempt.dueAt, (totals) => {
        totals.callbacksDue += 1;
      });
    }
    if (inRange(attempt.at)) {
      callbackOutcomes[attempt.outcome] = (callbackOutcomes[attempt.outcome] ?? 0) + 1;
      both(attempt.at, (totals) => {
        totals.attempts += 1;
      });
    }
  }

  for (const conversation of data.botConversations ?? []) {
    if (!inRange(conversation.startedAt)) continue;
    if (conversation.status === 'resolved') total.botResolved += 1;
    if (conversation.status === 'handed-off') total.botHandedOff += 1;
  }

  let overdueMissedCallbacks = 0;
  for (const callback of data.missedCallbacks ?? []) {
    if (callback.status !== 'erased' && inRange(callback.dueAt)) total.missedCallbacksDue += 1;
    const late = callback.status === 'open' && callback.dueAt.getTime() < data.now.getTime();
    if (late && callback.startedAt.getTime() < endMs) overdueMissedCallbacks += 1;
  }

  const figures = figuresOf(total);
  figures['transfer.backlog'] = backlog;
  figures['missedCallbacks.overdue'] = overdueMissedCallbacks;
  figures['callbacks.overdue'] = overdueCallbacks;
  const series: ReportValues['series'] = {};
  for (const id of seriesFigureIds) {
    series[id] = Object.fromEntries(
      buckets.map((bucket) => [bucket.key, figuresOf(perBucket.get(bucket.key) ?? emptyTotals())[id]]),
    );
  }
  const handleTimeByPath = [...paths.values()].map(({ row, seconds }) => {
    const sorted = seconds.sort((a, b) => a - b);
    return {
      ...row,
      key: handleTimePathKey(row),
      count: sorted.length,
      medianSeconds: quantile(sorted, 0.5),
      p90Seconds: quantile(sorted, 0.9),
    };
  });
  return { figures, series, handleTimeByPath, backlogByAge, callbackOutcomes, leadsByStatus };
}
