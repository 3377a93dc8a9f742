// The 19 initial consonants in syllable-block order, as compatibility jamo (what keyboards type).
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

/**
 * Initial consonant of a Hangul syllable (교 → ㄱ); any other character is returned unchanged.
 */
export function choseongOfCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0xac00 || code > 0xd7a3) return ch;
  return CHOSEONG.charAt(Math.floor((code - 0xac00) / 588));
}

/**
 * Replaces each Hangul syllable by its initial consonant, keeping every other character, so
 * the result has exactly the length of the input and offsets line up (교통 PC → ㄱㅌ PC).
 * es-hangul's getChoseong drops non-Hangul characters, which would break that alignment.
 */
export function toChoseong(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += choseongOfCharacter(text.charAt(i));
  return out;
}

/** Whether the character is a compatibility consonant jamo (ㄱ…ㅎ) as typed for a 초성 query. */
export function isConsonantJamo(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x3131 && code <= 0x314e;
}
