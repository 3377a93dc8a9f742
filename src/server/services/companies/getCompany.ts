import type { Company } from '../../../contract/companies/companySchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import { parseBizNo } from './parseBizNo.ts';
import { presentCompany } from './presentCompany.ts';

/** One company by 사업자등록번호 with its contacts (masked); 404 when not registered. */
export async function getCompany(
  ctx: AppContext,
  bizNoInput: string,
  locale: Locale = 'ko',
): Promise<Company> {
  const db = ctx.database.db;
  const company = await companyRepository.findByBizNo(db, parseBizNo(bizNoInput, '/bizNo'));
  if (!company) throw new AppError('not-found', msg('companies.notFound'));
  return presentCompany(
    company,
    await companyRepository.listContacts(db, ctx.fieldCodec, [company.id]),
    locale,
  );
}
