import type { SubjectLead } from '../../../contract/privacy/subjectLeadSchema.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import { decryptField, isEncryptedField } from '../../crypto/decryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { LeadWithContext } from '../../repositories/leadRepository.ts';

/** Shapes a lead for a data-subject find (`reveal` false: masked) or export (`reveal` true: clear). */
export function presentSubjectLead(
  keys: FieldKeys,
  item: LeadWithContext,
  options: { reveal: boolean },
): SubjectLead {
  const { lead } = item;
  const open = (value: string) => (isEncryptedField(value) ? decryptField(keys, value) : value);
  const contactName = open(lead.contactName);
  const phone = open(lead.phone);
  const email = open(lead.email);
  return {
    id: lead.id,
    number: item.transferNumber,
    transferId: lead.transferId,
    consultationId: lead.consultationId,
    status: lead.status,
    companyName: lead.companyName,
    contactName: options.reveal ? contactName : maskName(contactName),
    phone: options.reveal ? phone : maskPhone(phone),
    // Erased leads hold '' (the column is NOT NULL): nothing to mask.
    email: options.reveal || email === '' ? email : maskEmail(email),
    businessNumber: lead.businessNumber,
    createdAt: lead.createdAt.toISOString(),
    retentionEndsAt: lead.retentionEndsAt.toISOString(),
    personalDataErasedAt: lead.personalDataErasedAt?.toISOString() ?? null,
  };
}
