// Hangul compatibility jamo (ㄱ…ㅣ), what a keyboard types for a 초성 query.
const COMPATIBILITY_JAMO = /[\u3131-\u318e]+/g;

/**
 * NFKC (full-width letters and digits, ㈜ → (주)), except that compatibility jamo stay as typed:
 * NFKC would turn 'ㄱ' into the conjoining jamo U+1100, and a 초성 query would then match nothing.
 * The result is NFC.
 */
export function normalizeKeepingJamo(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(COMPATIBILITY_JAMO)) {
    out += text.slice(last, match.index).normalize('NFKC') + match[0];
    last = match.index + match[0].length;
  }
  return (out + text.slice(last).normalize('NFKC')).normalize('NFC');
}
