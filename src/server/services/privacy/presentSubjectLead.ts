import type { SubjectLead } from '../../../contract/privacy/subjectLeadSchema.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { LeadWithContext } from '../../repositories/leadRepository.ts';

/** Shapes a lead for a data-subject find (`reveal` false: masked) or export (`reveal` true: clear). */
export function presentSubjectLead(item: LeadWithContext, options: { reveal: boolean }): SubjectLead {
  const { lead } = item;
  const { contactName, phone, email } = lead;
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
