import type { DataSubjectDeletion } from '../../../contract/privacy/dataSubjectDeletionSchema.ts';
import type { DataSubjectRequest } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import { forgetRememberedPhones } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import { redactSubjectFromText } from '../../../domain/privacy/redactSubjectFromText.ts';
import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { redactSubjectInSealedTables } from '../../repositories/redactSubjectInSealedTables.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import type { Erasure } from './eraseTransferPersonalData.ts';
import { DATA_SUBJECT_MAX_RECORDS } from './lookUpDataSubject.ts';
import { nothingErased, type SubjectRecords } from './purgers/personalDataPurger.ts';
import { personalDataPurgers } from './purgers/purgerRegistry.ts';
import { redactAccessLogReasons } from './redactAccessLogReasons.ts';
import { resolveDataSubject } from './resolveDataSubject.ts';
import type { AccessOrigin } from './revealConsultation.ts';
import { shredErasedRowVersions } from './shredErasedRowVersions.ts';
import { subjectValuesOf } from './subjectValuesOf.ts';

/**
 * Erases everything held about a phone number or email (PIPA Art. 36): the personal fields of every
 * consultation holding it, the transfers filed from them, the sign-up leads holding it (with their
 * transfer and brochure e-mail), the numbers of the phone calls the PBX reported from or to it
 * (missed calls included; an open callback closes with them), in one transaction with the destruction log (reason
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
    const leads = await leadRepository.findByPersonalIndex(
      tx,
      ctx.fieldCodec,
      subject.index,
      DATA_SUBJECT_MAX_RECORDS,
    );
    const linkedTransfers = await transferRepository.listForSubject(
      tx,
      ctx.fieldCodec,
      {
        ids: leads.map((item) => item.lead.transferId),
        consultationIds: rows.map((row) => row.consultation.id),
        personalIndex: subject.index,
      },
      DATA_SUBJECT_MAX_RECORDS,
    );
    // Who the subject is, as their own records hold it: the phone or e-mail asked for and every
    // other phone, e-mail and name those records give, so free text elsewhere loses them too.
    const identity = subjectValuesOf(request, {
      consultations: rows.map((row) => row.consultation),
      leads: leads.map((item) => item.lead),
      transfers: linkedTransfers.map((item) => item.transfer),
    });
    const requestReason = redactSubjectFromText(request.reason, identity);
    const erasure: Erasure = {
      at: now,
      reason: 'subject-request',
      actorId: user?.id ?? null,
      detail: { requestReason },
    };
    // Every purger of the registry erases the subject's records of its kind, in the registry's
    // order (consultations, then leads, then transfers: the order the purge locks them in, so the
    // two wait for each other rather than deadlock).
    const found: SubjectRecords = {
      consultationIds: rows.map((row) => row.consultation.id),
      leadIds: leads.map((item) => item.lead.id),
      personalIndex: subject.index,
    };
    const erasedRecords = nothingErased();
    for (const purger of personalDataPurgers) {
      const done = await purger.eraseSubject(tx, found, erasure);
      erasedRecords.consultations.push(...done.consultations);
      erasedRecords.leads.push(...done.leads);
      erasedRecords.transfers.push(...done.transfers);
      erasedRecords.calls.push(...done.calls);
    }
    // Then the subject's traces in free text about other records (comments, notes, webhook bodies,
    // e-mails, other records' text) and in access-log reasons, whose chain still verifies.
    const redacted = await redactSubjectInSealedTables(tx, ctx.fieldCodec, identity);
    const redactedReasons = await redactAccessLogReasons(tx, ctx.fieldKeys, identity, now);
    const { consultations: ids, leads: leadIds, transfers: transferIds, calls: callIds } = erasedRecords;
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: user?.id ?? null,
      action: 'data-subject.delete',
      subject: `${subject.kind}-subject`,
      subjectIndex: subject.index,
      ip: origin.ip,
      reason: requestReason,
      detail: {
        consultations: ids,
        leads: leadIds,
        transfers: transferIds,
        calls: callIds,
        redactedRows: redacted.length,
        redactedAccessLogReasons: redactedReasons.length,
        via: user ? 'api' : 'cli',
      },
    });
    return { consultations: ids, leads: leadIds, transfers: transferIds, calls: callIds };
  });
  forgetRememberedPhones();
  // After the commit: the erased values' old row versions and WAL leave the embedded data directory.
  const shredding = Date.now();
  const shredded = await shredErasedRowVersions(ctx);
  if (shredded.tables.length > 0)
    ctx.logger.info(
      { tables: shredded.tables.length, ms: Date.now() - shredding },
      'data-subject delete: erased row versions rewritten out of the embedded database',
    );
  return {
    subject: { kind: subject.kind, masked: subject.masked },
    erasedConsultations: erased.consultations,
    erasedLeads: erased.leads,
    erasedTransfers: erased.transfers,
    erasedCalls: erased.calls,
  };
}
