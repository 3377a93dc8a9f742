import type { DataSubjectDeletion } from '../../../contract/privacy/dataSubjectDeletionSchema.ts';
import type { DataSubjectRequest } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { eraseLeadPersonalData } from './eraseLeadPersonalData.ts';
import { type Erasure, eraseTransferPersonalData } from './eraseTransferPersonalData.ts';
import { DATA_SUBJECT_MAX_RECORDS } from './lookUpDataSubject.ts';
import { resolveDataSubject } from './resolveDataSubject.ts';
import type { AccessOrigin } from './revealConsultation.ts';

/**
 * Erases everything held about a phone number or email (PIPA Art. 36): the personal fields of every
 * consultation holding it, the transfers filed from them, the sign-up leads holding it (with their
 * transfer and brochure e-mail), in one transaction with the destruction log (reason
 * 'subject-request') and the access-log entry. Consultations keep their non-personal fields, and consent records —
 * which hold no personal data — stay as the evidence of what was agreed, until their own retention
 * ends. A consultation that also names someone else loses those fields too: the record cannot be
 * split, and keeping half of it would keep the subject's context.
 */
export async function deleteDataSubject(
  ctx: AppContext,
  user: PublicUser | null,
  request: DataSubjectRequest,
  origin: AccessOrigin,
): Promise<DataSubjectDeletion> {
  const db = ctx.database.db;
  const subject = resolveDataSubject(ctx.fieldKeys, request);
  const now = ctx.now();
  const erased = await db.transaction(async (tx) => {
    const rows = await consultationRepository.findByPersonalIndex(
      tx,
      ctx.fieldCodec,
      [subject.index],
      DATA_SUBJECT_MAX_RECORDS,
    );
    // Consultations, then leads, then transfers: the order the purge locks them in, so the two wait
    // for each other rather than deadlock.
    const ids = await consultationRepository.erasePersonalData(
      tx,
      rows.map((row) => row.consultation.id),
      now,
    );
    await destructionLogRepository.appendMany(
      tx,
      ids.map((id) => ({
        at: now,
        recordKind: 'consultation.personal-data',
        recordId: id,
        reason: 'subject-request' as const,
        actorId: user?.id ?? null,
        detail: {
          fields: ['callerNumber', 'recordTitle', 'recordBody', 'recordFields', 'personalIndex'],
          requestReason: request.reason,
        },
      })),
    );
    const erasure: Erasure = {
      at: now,
      reason: 'subject-request',
      actorId: user?.id ?? null,
      detail: { requestReason: request.reason },
    };
    const leads = await leadRepository.findByPersonalIndex(
      tx,
      ctx.fieldCodec,
      subject.index,
      DATA_SUBJECT_MAX_RECORDS,
    );
    const erasedLeads = await eraseLeadPersonalData(
      tx,
      leads.map((item) => ({ id: item.lead.id })),
      erasure,
    );
    const linked = await transferRepository.listUnerasedByConsultations(
      tx,
      rows.map((row) => row.consultation.id),
    );
    // Transfers naming the subject themselves, e.g. one filed through the API without a consultation.
    const named = (await transferRepository.listUnerasedByPersonalIndex(tx, subject.index)).filter(
      (row) => !linked.some((other) => other.id === row.id),
    );
    const transfers = await eraseTransferPersonalData(
      tx,
      [...linked, ...named].map((row) => ({ id: row.id, detail: { consultationId: row.consultationId } })),
      erasure,
    );
    const leadIds = erasedLeads.leads.map((lead) => lead.id);
    const transferIds = [...erasedLeads.transfers, ...transfers];
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: user?.id ?? null,
      action: 'data-subject.delete',
      subject: `${subject.kind}-subject`,
      subjectIndex: subject.index,
      ip: origin.ip,
      reason: request.reason,
      detail: { consultations: ids, leads: leadIds, transfers: transferIds, via: user ? 'api' : 'cli' },
    });
    return { consultations: ids, leads: leadIds, transfers: transferIds };
  });
  return {
    subject: { kind: subject.kind, masked: subject.masked },
    erasedConsultations: erased.consultations,
    erasedLeads: erased.leads,
    erasedTransfers: erased.transfers,
  };
}
