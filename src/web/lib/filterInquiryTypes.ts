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

/**
 * Filters a guide's inquiry types by what the agent types: every word must appear (spacing
 * ignored, 초성 such as ㄱㅇ → 가입 accepted) in the type's own label and description, or else in
 * the script it opens (its audience and the customer questions). Label matches come first, then
 * description, then script.
 */
export function filterInquiryTypes(guide: Guide, query: string): InquiryType[] {
  const tokens = query.split(/\s+/).map(normalize).filter(Boolean);
  if (tokens.length === 0) return guide.inquiryTypes;
  // A number alone names its type, which comes first ('1' lists 1 before 10, 11, …).
  const asNumber = tokens.length === 1 && /^\d+$/.test(tokens[0] ?? '') ? Number(tokens[0]) : null;
  const ranked = guide.inquiryTypes.flatMap((type) => {
    const label = haystackOf([type.label]);
    const own = haystackOf([String(type.number), type.label, type.description]);
    const script = guide.scripts.find((candidate) => candidate.id === type.scriptId);
    const wider = haystackOf([
      type.label,
      type.description,
      script
        ? `Q${script.number} ${script.title} ${script.audience} ${script.customerQuestions.join(' ')}`
        : '',
    ]);
    if (type.number === asNumber) return [{ type, rank: -1 }];
    if (tokens.every((token) => matches(label, token))) return [{ type, rank: 0 }];
    if (tokens.every((token) => matches(own, token))) return [{ type, rank: 1 }];
    if (tokens.every((token) => matches(wider, token))) return [{ type, rank: 2 }];
    return [];
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.type.number - b.type.number).map((entry) => entry.type);
}
