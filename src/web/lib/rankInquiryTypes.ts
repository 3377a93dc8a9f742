import { getChoseong } from 'es-hangul';
import type { Guide, InquiryType } from '../../domain/guide/guideSchema.ts';

const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, '');
const isChoseongQuery = (text: string): boolean => /^[ㄱ-ㅎ]+$/.test(text);

type Haystack = { plain: string; choseongFromWord: string[] };

// 초성 queries are short and would match almost anything mid-word (ㄱㅇ inside 관리…기능), so they
// must start at a word: ㄱㅇ finds 가입, ㅂㅈㄴㅅ finds 비즈니스, and may run on into the next word.
function haystackOf(texts: string[]): Haystack {
  const joined = texts.join(' ');
  const words = joined
    .split(/[\s,.()/·'"?]+/)
    .filter(Boolean)
    .map((word) => getChoseong(word));
  return {
    plain: normalize(joined),
    choseongFromWord: words.map((_, index) => words.slice(index).join('')),
  };
}

function matches(haystack: Haystack, token: string): boolean {
  if (haystack.plain.includes(token)) return true;
  return isChoseongQuery(token) && haystack.choseongFromWord.some((run) => run.startsWith(token));
}

/** An inquiry type that matched the picker's filter; the lower the rank, the better the match. */
export type RankedInquiryType = { type: InquiryType; rank: number };

/**
 * Ranks a guide's inquiry types by what the agent types in the picker; types that do not match
 * are left out. Ranks compare across guides, so the picker can list every guide's best matches
 * before any guide's weaker ones.
 *
 * - Digits alone name a type by its number and nothing else: the type of that number (rank 0),
 *   then the longer numbers it starts (rank 1: '1' lists 1, then 10, 11, …). Digits inside the
 *   guide's text ("Q1" in a script heading, "2년") are not matched: an agent typing a number on a
 *   live call wants that type, one per guide, not a dozen rows to read.
 * - Words must all appear (spacing ignored, 초성 such as ㄱㅇ → 가입 accepted; a number among them
 *   must be the type's): in the type's label (rank 2), its label and description (rank 3), or what
 *   the guide says about the script it opens — heading, summary, audience and the customer
 *   questions it lists (rank 4).
 * - Failing that, a type where some of the words appear (at least one of two letters or more)
 *   still comes, below every full match: fewest letters missed first (a distinctive word found
 *   outweighs a common one), then by where the words were found as above (rank 5 and on).
 *   Agents type what the caller said ("세금계산서 재발행 요청"), and a word the guide does not
 *   use (재발행) must not hide the types whose script's questions name 세금계산서.
 */
export function rankInquiryTypes(guide: Guide, query: string): RankedInquiryType[] {
  const tokens = query.split(/\s+/).map(normalize).filter(Boolean);
  if (tokens.length === 0) return guide.inquiryTypes.map((type) => ({ type, rank: 0 }));
  const digits = tokens.length === 1 && /^\d+$/.test(tokens[0] ?? '') ? (tokens[0] ?? '') : null;
  if (digits !== null) {
    return guide.inquiryTypes.flatMap((type) => {
      const number = String(type.number);
      if (number === digits) return [{ type, rank: 0 }];
      if (number.startsWith(digits)) return [{ type, rank: 1 }];
      return [];
    });
  }
  const ranked = guide.inquiryTypes.flatMap((type) => {
    const label = haystackOf([type.label]);
    const own = haystackOf([type.label, type.description]);
    const script = guide.scripts.find((candidate) => candidate.id === type.scriptId);
    const wider = haystackOf([
      type.label,
      type.description,
      script
        ? `Q${script.number} ${script.title} ${script.summary} ${script.audience} ${script.customerQuestions.join(' ')}`
        : '',
    ]);
    const found = (haystack: Haystack, token: string): boolean =>
      /^\d+$/.test(token) ? String(type.number) === token : matches(haystack, token);
    if (tokens.every((token) => found(label, token))) return [{ type, rank: 2 }];
    if (tokens.every((token) => found(own, token))) return [{ type, rank: 3 }];
    if (tokens.every((token) => found(wider, token))) return [{ type, rank: 4 }];
    const hits = tokens.filter((token) => found(wider, token));
    if (!hits.some((token) => token.length >= 2)) return [];
    // The letters of the words missed, so that a distinctive word found (세금계산서) counts for
    // more than a common one (요청); then where the words found were found, as above.
    const missed = tokens.filter((token) => !hits.includes(token)).join('').length;
    const where = hits.every((token) => found(label, token))
      ? 0
      : hits.every((token) => found(own, token))
        ? 1
        : 2;
    return [{ type, rank: 5 + missed + where / 10 }];
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.type.number - b.type.number);
}
