import type { ConsentRecord } from '../../../contract/privacy/consentRecordSchema.ts';
import type { DataSubjectFindings } from '../../../contract/privacy/dataSubjectFindingsSchema.ts';
import type { DataSubjectRequest } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import type { ConsentRecordRow } from '../../repositories/consentRecordRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentConsultation } from '../consultations/presentConsultation.ts';
import { findSubjectMentions } from './findSubjectMentions.ts';
import { lookUpDataSubject } from './lookUpDataSubject.ts';
import { presentSubjectCall } from './presentSubjectCall.ts';
import { presentSubjectDirectoryContact } from './presentSubjectDirectoryContact.ts';
import { presentSubjectLead } from './presentSubjectLead.ts';
import { presentSubjectTransfer } from './presentSubjectTransfer.ts';
import type { AccessOrigin } from './revealConsultation.ts';

/** Shapes a consent record for data-subject answers. */
export function presentConsentRecord(row: ConsentRecordRow): ConsentRecord {
  return {
    id: row.id,
    consultationId: row.consultationId,
    noticeId: row.noticeId,
    noticeVersion: row.noticeVersion,
    noticeTextSha256: row.noticeTextSha256,
    agreed: row.agreed,
    items: row.items,
    purpose: row.purpose,
    retentionYears: row.retentionYears,
    retentionBasis: row.retentionBasis,
    retentionEndsAt: row.retentionEndsAt.toISOString(),
    agentId: row.agentId,
    channel: row.channel,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/**
 * Finds everything held about a phone number or email (a data-subject request): the consultations
 * that hold it anywhere — caller number, record fields or body — through the blind index, and their
 * consent records; the sign-up leads holding it (their own blind indexes); the transfers filed from
 * any of them; the business-directory registrations holding it; the phone calls the PBX reported
 * from or to it, missed calls included (PIPA Art. 35: an access request shows everything held).
 * Shown masked; the search is logged with its reason.
 */
export async function findDataSubject(
  ctx: AppContext,
  user: PublicUser | null,
  request: DataSubjectRequest,
  origin: AccessOrigin,
): Promise<DataSubjectFindings> {
  const found = await lookUpDataSubject(ctx, user, request, origin, {
    action: 'data-subject.find',
    detail: (found) => ({
      consultations: found.rows.length,
      leads: found.leads.length,
      transfers: found.transfers.length,
      calls: found.calls.length,
    }),
  });
  // Registrations in the business directory are found by the same blind index (phones and e-mails).
  const registrations = await companyRepository.findContactsByIndex(
    ctx.database.db,
    ctx.fieldCodec,
    found.subject.index,
    100,
  );
  const mentions = await findSubjectMentions(
    ctx,
    request,
    found,
    registrations.map((item) => item.contact.id),
  );
  const { subject, rows, consents, leads, transfers, calls } = found;
  return {
    subject: { kind: subject.kind, masked: subject.masked },
    consultations: rows.map((row) => presentConsultation(row.consultation, row.agentName)),
    consentRecords: consents.map(presentConsentRecord),
    leads: leads.map((item) => presentSubjectLead(item, { reveal: false })),
    transfers: transfers.map((item) => presentSubjectTransfer(item, { reveal: false })),
    directoryContacts: registrations.map((item) => presentSubjectDirectoryContact(item, { reveal: false })),
    calls: calls.map((call) => presentSubjectCall(call, { reveal: false })),
    mentions,
  };
}
