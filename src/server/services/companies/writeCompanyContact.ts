import type { CompanyContactInput } from '../../../contract/companies/companyContactInputSchema.ts';
import type { CompanyContact } from '../../../contract/companies/companyContactSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import { parseBizNo } from './parseBizNo.ts';
import { presentCompanyContact } from './presentCompany.ts';
import { refuseHeldPhones } from './refuseHeldPhones.ts';
import { toContactValues } from './toContactValues.ts';

/**
 * Adds a contact to a company (`contactId` absent) or replaces one (present): name, role, phones
 * and e-mails as given. 404 when the company or the contact is not there; 409 when a phone is
 * already another contact's of the company.
 */
export async function writeCompanyContact(
  ctx: AppContext,
  bizNoInput: string,
  contactId: string | null,
  input: CompanyContactInput,
  locale: Locale = 'ko',
): Promise<CompanyContact> {
  const bizNo = parseBizNo(bizNoInput, '/bizNo');
  const values = toContactValues(input);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const company = await companyRepository.lockByBizNo(tx, bizNo);
    if (!company) throw new AppError('not-found', msg('companies.notFound'));
    // Under the company's lock: a contact written at the same time waits, then sees this one.
    const companyContacts = await companyRepository.listContacts(tx, ctx.fieldCodec, [company.id]);
    if (contactId !== null && !companyContacts.some((contact) => contact.id === contactId))
      throw new AppError('not-found', msg('companies.contactNotFound'));
    refuseHeldPhones(values, companyContacts, contactId);
    if (contactId === null) {
      const [contact] = await companyRepository.insertContacts(
        tx,
        ctx.fieldCodec,
        [{ ...values, companyId: company.id }],
        now,
      );
      if (!contact) throw new Error('insert into company_contacts returned no row');
      return presentCompanyContact(contact, locale);
    }
    const contact = await companyRepository.updateContact(tx, ctx.fieldCodec, contactId, values, now);
    if (!contact) throw new AppError('not-found', msg('companies.contactNotFound'));
    return presentCompanyContact(contact, locale);
  });
}
