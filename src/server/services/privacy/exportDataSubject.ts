import type { DataSubjectExport } from '../../../contract/privacy/dataSubjectExportSchema.ts';
import type { DataSubjectRequest } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentConsultationDraft } from '../consultations/presentConsultationDraft.ts';
import { presentConsentRecord } from './findDataSubject.ts';
import { findSubjectMentions } from './findSubjectMentions.ts';
import { lookUpDataSubject } from './lookUpDataSubject.ts';
import { presentSubjectCall } from './presentSubjectCall.ts';
import { presentSubjectDirectoryContact } from './presentSubjectDirectoryContact.ts';
import { presentSubjectLead } from './presentSubjectLead.ts';
import { presentSubjectTransfer } from './presentSubjectTransfer.ts';
import type { AccessOrigin } from './revealConsultation.ts';

/**
 * Exports everything held about a phone number or email as JSON, in clear — consultations (with the
 * draft of a call in progress), consent records, sign-up leads, transfers, business-directory
 * registrations and the phone calls the PBX reported (missed calls included): what a person gets when
 * they ask for their data. Logged as an export (account, IP, blind index of the subject, reason)
 * before anything is returned.
 */
export async function exportDataSubject(
  ctx: AppContext,
  user: PublicUser | null,
  request: DataSubjectRequest,
  origin: AccessOrigin,
): Promise<DataSubjectExport> {
  const found = await lookUpDataSubject(ctx, user, request, origin, {
    action: 'data-subject.export',
    detail: (found) => ({
      consultations: found.rows.map((row) => row.consultation.id),
      leads: found.leads.map((item) => item.lead.id),
      transfers: found.transfers.map((item) => item.transfer.id),
      calls: found.calls.map((call) => call.id),
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
    exportedAt: ctx.now().toISOString(),
    subject: { kind: subject.kind, masked: subject.masked },
    consultations: rows.map(({ consultation }) => {
      const row = consultation;
      return {
        id: row.id,
        channel: row.channel,
        startedAt: row.startedAt.toISOString(),
        completedAt: row.completedAt?.toISOString() ?? null,
        category: row.recordCategory,
        outcome: row.outcome,
        callerNumber: row.callerNumber,
        record: { title: row.recordTitle, body: row.recordBody, fields: row.recordFields },
        // The draft of a call in progress holds what was typed about the person too.
        draft: presentConsultationDraft(row).draft,
        personalDataErasedAt: row.personalDataErasedAt?.toISOString() ?? null,
      };
    }),
    consentRecords: consents.map(presentConsentRecord),
    leads: leads.map((item) => presentSubjectLead(item, { reveal: true })),
    transfers: transfers.map((item) => presentSubjectTransfer(item, { reveal: true })),
    directoryContacts: registrations.map((item) => presentSubjectDirectoryContact(item, { reveal: true })),
    calls: calls.map((call) => presentSubjectCall(call, { reveal: true })),
    mentions,
  };
}
