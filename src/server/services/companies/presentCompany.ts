import type { CompanyContact } from '../../../contract/companies/companyContactSchema.ts';
import type { Company } from '../../../contract/companies/companySchema.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import type { CompanyRow, DirectoryContact } from '../../repositories/companyRepository.ts';

// The Korean words are contactRoleLabels' (the import's column values); both languages from the catalogue.
const statusLabels = {
  active: msg('companies.statusActive'),
  inactive: msg('companies.statusInactive'),
} as const;
const roleLabels = {
  manager: msg('companies.roleManager'),
  operator: msg('companies.roleOperator'),
} as const;

/**
 * Shapes a registered contact for the API: name, phones and e-mails masked with the one masking
 * rule (김*수, 010-****-6789, ms***@nuri.example). Clear values only come from the reveal endpoint.
 */
export function presentCompanyContact(contact: DirectoryContact, locale: Locale): CompanyContact {
  return {
    id: contact.id,
    name: maskName(contact.name),
    role: contact.role,
    roleLabel: translate(locale, roleLabels[contact.role]),
    phones: contact.phones.map(maskPhone),
    emails: contact.emails.map(maskEmail),
    masked: true,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}

/** Shapes a company with its contacts (masked) for the API, its labels in `locale`. */
export function presentCompany(
  company: CompanyRow,
  contacts: readonly DirectoryContact[],
  locale: Locale,
): Company {
  return {
    id: company.id,
    bizNo: company.bizNo,
    bizNoDisplay: `${company.bizNo.slice(0, 3)}-${company.bizNo.slice(3, 5)}-${company.bizNo.slice(5)}`,
    name: company.name,
    status: company.status,
    statusLabel: translate(locale, statusLabels[company.status]),
    inactiveSince: company.inactiveSince?.toISOString() ?? null,
    contacts: contacts
      .filter((contact) => contact.companyId === company.id)
      .map((contact) => presentCompanyContact(contact, locale)),
    createdAt: company.createdAt.toISOString(),
    updatedAt: company.updatedAt.toISOString(),
  };
}
