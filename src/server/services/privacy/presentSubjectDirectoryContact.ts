import { contactRoleLabels } from '../../../contract/companies/contactRoleSchema.ts';
import type { SubjectDirectoryContact } from '../../../contract/privacy/subjectDirectoryContactSchema.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { ContactWithCompany } from '../../repositories/companyRepository.ts';

/**
 * A business-directory registration in a data-subject answer: in clear for the export handed to the
 * person, masked for the search that precedes it (the company is no personal data).
 */
export function presentSubjectDirectoryContact(
  { company, contact }: ContactWithCompany,
  { reveal }: { reveal: boolean },
): SubjectDirectoryContact {
  return {
    id: contact.id,
    company: { bizNo: company.bizNo, name: company.name },
    name: reveal ? contact.name : maskName(contact.name),
    role: contact.role,
    roleLabel: contactRoleLabels[contact.role],
    phones: reveal ? contact.phones : contact.phones.map(maskPhone),
    emails: reveal ? contact.emails : contact.emails.map(maskEmail),
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
