import type { Company } from '../../../contract/companies/companySchema.ts';
import type { PutCompanyInput } from '../../../contract/companies/putCompanySchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import { checkCompanyName } from './checkCompanyName.ts';
import { parseBizNo } from './parseBizNo.ts';
import { presentCompany } from './presentCompany.ts';
import { replaceCompanyContacts } from './replaceCompanyContacts.ts';
import { contactProblems } from './toContactValues.ts';

/**
 * Creates or replaces a company by 사업자등록번호 (the business management system's sync: the same
 * request twice leaves the same state). With `contacts`, they become its whole contact list.
 */
export async function putCompany(
  ctx: AppContext,
  bizNoInput: string,
  input: PutCompanyInput,
  locale: Locale = 'ko',
): Promise<{ created: boolean; company: Company }> {
  const bizNo = parseBizNo(bizNoInput, '/bizNo');
  const name = checkCompanyName(input.name);
  const checked = input.contacts ? contactProblems(input.contacts, (index) => `/contacts/${index}`) : null;
  if (checked && checked.problems.length > 0) {
    throw new AppError(
      'validation-failed',
      checked.problems[0]?.message ?? msg('companies.checkContact'),
      checked.problems,
    );
  }
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    const current = await companyRepository.lockByBizNo(tx, bizNo);
    const values = { bizNo, name, status: input.status };
    const company = current
      ? await companyRepository.update(tx, current, values, now)
      : await companyRepository.insert(tx, values, now);
    if (checked)
      await replaceCompanyContacts(
        tx,
        ctx.fieldCodec,
        [{ companyId: company.id, contacts: checked.values }],
        now,
      );
    const contacts = await companyRepository.listContacts(tx, ctx.fieldCodec, [company.id]);
    return { created: current === undefined, company: presentCompany(company, contacts, locale) };
  });
}
