import type { DataSubjectRequest } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import { findContactPoints } from '../../../domain/privacy/findContactPoints.ts';
import type { SubjectValues } from '../../../domain/privacy/redactSubjectFromText.ts';
import { normalizePhoneForIndex } from '../../crypto/blindIndex.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';
import { presentConsultationDraft } from '../consultations/presentConsultationDraft.ts';

/** The phones, e-mails and names that identify the subject: the one asked for and what their records hold. */
export function subjectValuesOf(
  request: DataSubjectRequest,
  records: {
    consultations: readonly ConsultationRow[];
    leads: ReadonlyArray<{ contactName: string; phone: string; email: string }>;
    transfers: ReadonlyArray<{ contactName: string; phone: string | null; email: string | null }>;
  },
): SubjectValues {
  // A call in progress holds what was typed about the person in its draft.
  const drafts = records.consultations.flatMap((row) => {
    const draft = presentConsultationDraft(row).draft;
    return draft ? [draft] : [];
  });
  const texts = [
    request.phone ?? '',
    request.email ?? '',
    ...records.consultations.flatMap((row) => [row.callerNumber ?? '', row.recordFields?.phone ?? '']),
    ...drafts.flatMap((draft) => [
      draft.collected.phone ?? '',
      draft.collected.email ?? '',
      draft.record.phone ?? '',
      draft.transfer?.email ?? '',
    ]),
    ...records.leads.flatMap((lead) => [lead.phone, lead.email]),
    ...records.transfers.flatMap((transfer) => [transfer.phone ?? '', transfer.email ?? '']),
  ];
  const points = findContactPoints(texts.join('\n'));
  const asked = request.phone === undefined ? null : normalizePhoneForIndex(request.phone);
  return {
    phones: [...new Set([...points.phones, ...(asked ? [asked] : [])])],
    emails: [...new Set([...points.emails, ...(request.email ? [request.email.trim().toLowerCase()] : [])])],
    names: [
      ...new Set(
        [
          ...records.consultations.map((row) => row.recordFields?.contactName ?? ''),
          ...drafts.flatMap((draft) => [draft.collected.contactName ?? '', draft.record.contactName ?? '']),
          ...records.leads.map((lead) => lead.contactName),
          ...records.transfers.map((transfer) => transfer.contactName),
        ].filter((name) => name.trim().length >= 2),
      ),
    ],
  };
}
