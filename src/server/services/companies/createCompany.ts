import type { Company } from '../../../contract/companies/companySchema.ts';
import type { CreateCompanyInput } from '../../../contract/companies/createCompanySchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import { checkCompanyName } from './checkCompanyName.ts';
import { parseBizNo } from './parseBizNo.ts';
import { presentCompany } from './presentCompany.ts';
import { contactProblems } from './toContactValues.ts';

/** Registers a new company with its contacts in one transaction; 409 when the number is already registered. */
export async function createCompany(
  ctx: AppContext,
  input: CreateCompanyInput,
  locale: Locale = 'ko',
): Promise<Company> {
  const bizNo = parseBizNo(input.bizNo, '/bizNo');
  const name = checkCompanyName(input.name);
  const { values, problems } = contactProblems(input.contacts, (index) => `/contacts/${index}`);
  if (problems.length > 0)
    throw new AppError('validation-failed', problems[0]?.message ?? msg('companies.checkContact'), problems);
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    if (await companyRepository.findByBizNo(tx, bizNo)) {
      throw new AppError('conflict', msg('companies.alreadyRegistered', { bizNo }), [
        { where: '/bizNo', message: msg('companies.alreadyRegisteredDetail') },
      ]);
    }
    const company = await companyRepository.insert(tx, { bizNo, name, status: input.status }, now);
    const contacts = await companyRepository.insertContacts(
      tx,
      ctx.fieldCodec,
      values.map((contact) => ({ ...contact, companyId: company.id })),
      now,
    );
    return presentCompany(company, contacts, locale);
  });
}
