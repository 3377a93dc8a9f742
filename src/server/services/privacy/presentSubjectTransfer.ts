import type { SubjectTransfer } from '../../../contract/privacy/subjectTransferSchema.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { SubjectTransferRow } from '../../repositories/transferRepository.ts';
import { knownNamesOfTransfer } from '../transfers/knownNamesOfTransfer.ts';

/** Shapes a transfer for a data-subject find (`reveal` false: masked) or export (`reveal` true: clear). */
export function presentSubjectTransfer(
  found: SubjectTransferRow,
  options: { reveal: boolean },
): SubjectTransfer {
  const row = found.transfer;
  const reveal = options.reveal;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    leadId: found.leadId,
    consultationId: row.consultationId,
    inquiryType: row.inquiryType,
    channel: row.channel,
    status: row.status,
    companyName: row.companyName,
    contactName: reveal ? row.contactName : maskName(row.contactName),
    phone: row.phone === null ? null : reveal ? row.phone : maskPhone(row.phone),
    email: row.email === null ? null : reveal ? row.email : maskEmail(row.email),
    inquiry: reveal ? row.inquiry : maskPersonalText(row.inquiry, knownNamesOfTransfer(row)),
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    personalDataErasedAt: row.personalDataErasedAt?.toISOString() ?? null,
  };
}
