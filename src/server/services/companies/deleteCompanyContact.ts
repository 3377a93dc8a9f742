import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { companyRepository } from '../../repositories/companyRepository.ts';
import { parseBizNo } from './parseBizNo.ts';

/** Removes one registered contact of a company for good (404 when not there). */
export async function deleteCompanyContact(
  ctx: AppContext,
  bizNoInput: string,
  contactId: string,
): Promise<void> {
  const bizNo = parseBizNo(bizNoInput, '/bizNo');
  await ctx.database.db.transaction(async (tx) => {
    const company = await companyRepository.lockByBizNo(tx, bizNo);
    const contact =
      company && (await companyRepository.findContact(tx, ctx.fieldCodec, company.id, contactId));
    if (!contact) throw new AppError('not-found', msg('companies.contactNotFound'));
    await companyRepository.deleteContact(tx, contact.id);
  });
}
