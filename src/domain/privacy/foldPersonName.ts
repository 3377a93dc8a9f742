import { normalizeKeepingJamo } from '../search/normalizeKeepingJamo.ts';
import { toChoseong } from '../search/toChoseong.ts';

/** A person's name as the name indexes see it. */
export type FoldedPersonName = {
  /** NFKC, lower-cased, without spaces: '김 민수' and '김민수' are one name. */
  readonly name: string;
  /** The folded name's 초성 ('ㄱㅁㅅ'); letters other than Hangul syllables stay as they are. */
  readonly choseong: string;
};

/**
 * Folds a name for exact lookup through a blind index: spacing and case do not tell names apart,
 * and the 초성 string lets an agent type 'ㄱㅁㅅ' for 김민수. Only whole names match: a keyed hash
 * cannot answer "contains", which is the price of not storing the name in clear.
 */
export function foldPersonName(input: string): FoldedPersonName {
  const name = normalizeKeepingJamo(input).replace(/\s+/g, '').toLowerCase();
  return { name, choseong: toChoseong(name) };
}
