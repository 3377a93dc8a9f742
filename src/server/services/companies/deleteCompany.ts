import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import { parseBizNo } from './parseBizNo.ts';

/** Removes a company and its registered contacts for good (404 when not registered). */
export async function deleteCompany(ctx: AppContext, bizNoInput: string): Promise<void> {
  const bizNo = parseBizNo(bizNoInput, '/bizNo');
  await ctx.database.db.transaction(async (tx) => {
    const company = await companyRepository.lockByBizNo(tx, bizNo);
    if (!company) throw new AppError('not-found', msg('companies.notFound'));
    await companyRepository.delete(tx, company.id);
  });
}
