import { normalizeKeepingJamo } from './normalizeKeepingJamo.ts';
import { toChoseong } from './toChoseong.ts';

/** A company name as search sees it. */
export type FoldedCompanyName = {
  /** NFKC, lower-cased, without spaces or legal-form marks: '(주) 누리 테크' → '누리테크'. */
  readonly name: string;
  /** Its 초성: 'ㄴㄹㅌㅋ'. */
  readonly choseong: string;
};

// Legal-form marks people write or leave out at will ((주)누리테크, 누리테크 주식회사, ㈜누리테크 — NFKC turns ㈜ into (주)).
const LEGAL_FORMS = /\((주|유|재|사|합)\)|주식회사|유한회사|유한책임회사|재단법인|사단법인/g;

/**
 * Folds a 기업명 (or a query for one) so that spacing, case and the legal form do not matter.
 * A query that is only a legal form folds to itself, so searching '주식회사' still finds something.
 */
export function foldCompanyName(input: string): FoldedCompanyName {
  const plain = normalizeKeepingJamo(input).toLowerCase().replace(/\s+/g, '');
  const stripped = plain.replace(LEGAL_FORMS, '');
  const name = stripped === '' ? plain : stripped;
  return { name, choseong: toChoseong(name) };
}
