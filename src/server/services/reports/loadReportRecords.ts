import type { ReportRecord } from '../../../contract/reports/reportRecordSchema.ts';
import { businessMinutesBetween } from '../../../domain/calendar/businessMinutesBetween.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import { classifyTransferSla } from '../../../domain/report/classifyTransferSla.ts';
import type { AppContext } from '../../appContext.ts';
import { reportMissedCallRepository } from '../../repositories/reportMissedCallRepository.ts';
import { reportRecordRepository } from '../../repositories/reportRepository.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';

/** One record to show: its kind, id, and what the drill-down query found beside it. */
export type ReportRecordRef = {
  kind: ReportRecord['kind'];
  id: string;
  attempt?: number | null;
  repeatedBy?: { id: string; startedAt: Date } | null;
};

const iso = (at: Date | null) => (at === null ? null : formatSeoulIso(at));

/**
 * Reads the records a drill-down found, in its order, and presents them masked (phones 010-****-5678,
 * names 김*수): supervisors see volumes and outcomes; a clear value goes through the reveal endpoints
 * with a reason and the access log, as everywhere.
 */
export async function loadReportRecords(
  ctx: AppContext,
  refs: readonly ReportRecordRef[],
  now: Date,
): Promise<ReportRecord[]> {
  const db = ctx.database.db;
  const idsOf = (kind: ReportRecord['kind']) => [
    ...new Set(refs.filter((ref) => ref.kind === kind).map((ref) => ref.id)),
  ];
  const attemptKeys = refs.flatMap((ref) =>
    ref.kind === 'lead' && typeof ref.attempt === 'number' ? [{ leadId: ref.id, attempt: ref.attempt }] : [],
  );
  const [consultationRows, transferRows, leadRows, attemptRows, callRows] = await Promise.all([
    reportRecordRepository.loadConsultations(db, ctx.fieldCodec, idsOf('consultation')),
    reportRecordRepository.loadTransfers(db, ctx.fieldCodec, idsOf('transfer')),
    reportRecordRepository.loadLeads(db, ctx.fieldCodec, idsOf('lead')),
    reportRecordRepository.loadAttempts(db, attemptKeys),
    reportMissedCallRepository.loadCalls(db, ctx.fieldCodec, idsOf('missed-call')),
  ]);
  const facts = transferRows.length > 0 ? await loadCalendarFacts(ctx) : null;
  const consultationsById = new Map(consultationRows.map((row) => [row.consultation.id, row]));
  const transfersById = new Map(transferRows.map((row) => [row.transfer.id, row]));
  const leadsById = new Map(leadRows.map((row) => [row.id, row]));
  const callsById = new Map(callRows.map((row) => [row.call.id, row]));
  const records: ReportRecord[] = [];
  for (const ref of refs) {
    if (ref.kind === 'consultation') {
      const row = consultationsById.get(ref.id);
      if (!row) continue;
      const c = row.consultation;
      records.push({
        kind: 'consultation',
        id: c.id,
        status: c.status,
        channel: c.channel,
        guideId: c.guideId,
        scriptId: c.scriptId,
        inquiryType: c.inquiryType,
        outcome: c.outcome,
        agent: { id: c.agentId, name: row.agentName },
        callerNumber: c.callerNumber ? maskPhone(c.callerNumber) : null,
        startedAt: formatSeoulIso(c.startedAt),
        completedAt: iso(c.completedAt),
        abandonedAt: iso(c.abandonedAt),
        handleSeconds:
          c.status === 'completed' && c.completedAt
            ? (c.completedAt.getTime() - c.startedAt.getTime()) / 1000
            : null,
        transfer:
          row.transferId && row.transferNumber && row.transferKind
            ? { id: row.transferId, number: row.transferNumber, kind: row.transferKind }
            : null,
        repeatedBy: ref.repeatedBy
          ? { id: ref.repeatedBy.id, startedAt: formatSeoulIso(ref.repeatedBy.startedAt) }
          : null,
      });
    } else if (ref.kind === 'transfer') {
      const row = transfersById.get(ref.id);
      if (!row || !facts) continue;
      const t = row.transfer;
      const stoppedAt = [t.contactedAt, t.closedAt]
        .filter((at): at is Date => at !== null)
        .sort((a, b) => a.getTime() - b.getTime())[0];
      records.push({
        kind: 'transfer',
        id: t.id,
        number: t.number,
        transferKind: t.kind,
        status: t.status,
        guideId: t.guideId,
        inquiryType: t.inquiryType,
        channel: t.channel,
        companyName: t.companyName,
        contactName: maskName(t.contactName),
        phone: t.phone ? maskPhone(t.phone) : null,
        filedBy: { id: t.filedBy, name: row.filerName },
        consultationId: t.consultationId,
        createdAt: formatSeoulIso(t.createdAt),
        dueAt: formatSeoulIso(t.dueAt),
        contactedAt: iso(t.contactedAt),
        closedAt: iso(t.closedAt),
        sla: classifyTransferSla(t, now),
        ageBusinessMinutes: Math.trunc(businessMinutesBetween(t.createdAt, stoppedAt ?? now, facts)),
      });
    } else if (ref.kind === 'missed-call') {
      const row = callsById.get(ref.id);
      if (!row) continue;
      const call = row.call;
      records.push({
        kind: 'missed-call',
        id: call.id,
        callerNumber: call.customerNumber ? maskPhone(call.customerNumber) : null,
        queue: call.queue,
        startedAt: formatSeoulIso(call.startedAt),
        callbackStatus: call.callbackStatus ?? 'open',
        callbackDueAt: formatSeoulIso(call.callbackDueAt ?? call.startedAt),
        callbackDoneAt: iso(call.callbackDoneAt),
        callbackDoneBy:
          call.callbackDoneBy && row.doneByName ? { id: call.callbackDoneBy, name: row.doneByName } : null,
      });
    } else {
      const lead = leadsById.get(ref.id);
      if (!lead) continue;
      const attempt =
        typeof ref.attempt === 'number'
          ? attemptRows.find((row) => row.leadId === ref.id && row.attempt === ref.attempt)
          : undefined;
      records.push({
        kind: 'lead',
        id: lead.id,
        transferId: lead.transferId,
        status: lead.status,
        guideId: lead.guideId,
        companyName: lead.companyName,
        contactName: maskName(lead.contactName),
        phone: maskPhone(lead.phone),
        createdAt: formatSeoulIso(lead.createdAt),
        callbackDueAt: iso(lead.callbackDueAt),
        callbackAttempts: lead.callbackAttempts,
        lastOutcome: lead.lastOutcome,
        attempt: attempt
          ? {
              attempt: attempt.attempt,
              outcome: attempt.outcome,
              at: formatSeoulIso(attempt.at),
              dueAt: iso(attempt.dueAt),
            }
          : null,
      });
    }
  }
  return records;
}
