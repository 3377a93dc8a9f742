import { normalizeText } from '../search/normalizeText.ts';
import { toJamo } from '../search/toJamo.ts';

// Latin spellings callers and agents use for words the examples mostly write in Hangul.
// Folding them keeps the model from having to learn each word twice.
const LATIN_ALIASES: Array<[RegExp, string]> = [
  [/\be ?mail\b/g, '이메일'],
  [/\bmail\b/g, '메일'],
  [/\bpc\b/g, '피씨'],
  [/\bweb\b/g, '웹'],
  [/\bbiz\b/g, '비즈'],
  [/\bapp\b/g, '앱'],
];

function foldAliases(text: string): string {
  // \b only sees ASCII word characters, so 'pc웹' needs the Hangul split off first.
  let out = text.replace(/([a-z0-9])(?=[가-힣ㄱ-ㅣ])|([가-힣ㄱ-ㅣ])(?=[a-z0-9])/g, '$1$2 ');
  for (const [pattern, replacement] of LATIN_ALIASES) out = out.replace(pattern, replacement);
  return out;
}

function addGrams(
  counts: Map<string, number>,
  prefix: string,
  text: string,
  minN: number,
  maxN: number,
): void {
  for (let n = minN; n <= maxN; n++) {
    for (let i = 0; i + n <= text.length; i++) {
      const gram = `${prefix}${text.slice(i, i + n)}`;
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
}

/**
 * Turns an utterance into sparse feature counts for inquiry-type suggestion:
 * - syllable 1–3-grams over the text with spaces removed, so 교통유발금서류 and 교통유발금 서류
 *   share features whatever the caller's (or the agent's) spacing;
 * - syllable 2–3-grams at word edges (with the space kept), which keep endings like 요청/발송 apart
 *   from the same syllables inside other words;
 * - a few Latin words folded to Hangul first (email → 이메일, PC → 피씨);
 * - jamo 3-grams, so a wrong final consonant (교통유바금, 졍산) still shares most features
 *   with the correct spelling.
 */
export function extractFeatures(text: string): Map<string, number> {
  const normalized = foldAliases(normalizeText(text));
  const counts = new Map<string, number>();
  if (normalized === '') return counts;
  const compact = normalized.replaceAll(' ', '');
  addGrams(counts, 'c', compact, 1, 3);
  addGrams(counts, 'w', ` ${normalized} `, 2, 3);
  addGrams(counts, 'j', toJamo(compact), 3, 3);
  return counts;
}
