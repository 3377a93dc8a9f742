import type { CompanyPage } from '../../../contract/companies/companyPageSchema.ts';
import type { ListCompaniesQuery } from '../../../contract/companies/listCompaniesQuerySchema.ts';
import { foldPersonName } from '../../../domain/privacy/foldPersonName.ts';
import { normalizeKoreanPhone } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import { foldCompanyName } from '../../../domain/search/foldCompanyName.ts';
import { isConsonantJamo } from '../../../domain/search/toChoseong.ts';
import type { AppContext } from '../../appContext.ts';
import {
  blindIndex,
  emailBlindIndex,
  nameBlindIndex,
  nameChoseongBlindIndex,
} from '../../crypto/blindIndex.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type CompanySearch, companyRepository } from '../../repositories/companyRepository.ts';
import { presentCompany } from './presentCompany.ts';

/**
 * What a search text means: a phone or e-mail finds the contacts holding it (blind index, exact);
 * digits find 사업자등록번호 by their start; consonants (ㄴㄹㅌㅋ) the company name's 초성 and a
 * contact name's whole 초성; other text part of the company name and a contact's whole name.
 * Criteria are OR-ed: '01023456789' is tried as a phone and as the start of a number.
 */
export function searchCriteria(keys: FieldKeys, q: string | undefined): CompanySearch {
  const text = q?.trim() ?? '';
  if (text === '') return {};
  const search: CompanySearch = {};
  const phone = normalizeKoreanPhone(text);
  if (phone.ok) search.contactIndexes = [blindIndex(keys, 'phone', phone.digits)];
  if (text.includes('@')) search.contactIndexes = [emailBlindIndex(keys, text)];
  const digits = text.replace(/[\s-]/g, '');
  if (/^\d{1,10}$/.test(digits)) search.bizNoPrefix = digits;
  const folded = foldCompanyName(text);
  const person = foldPersonName(text);
  if (Array.from(person.name).every(isConsonantJamo)) {
    search.choseongContains = folded.choseong;
    const index = nameChoseongBlindIndex(keys, text);
    if (index) search.nameChoseongIndexes = [index];
  } else if (!phone.ok && search.bizNoPrefix === undefined) {
    search.nameContains = folded.name;
    const index = nameBlindIndex(keys, text);
    if (index) search.nameIndexes = [index];
  }
  return search;
}

/** A page of companies matching `q` (see `searchCriteria`), by name, contacts masked. */
export async function listCompanies(
  ctx: AppContext,
  query: ListCompaniesQuery,
  locale: Locale = 'ko',
): Promise<CompanyPage> {
  const db = ctx.database.db;
  const { items, total } = await companyRepository.search(db, searchCriteria(ctx.fieldKeys, query.q), query);
  const contacts = await companyRepository.listContacts(
    db,
    ctx.fieldCodec,
    items.map((company) => company.id),
  );
  return {
    items: items.map((company) => presentCompany(company, contacts, locale)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
