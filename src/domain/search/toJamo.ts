import { disassemble } from 'es-hangul';

// Characters repeat a lot (a guide uses a few hundred distinct syllables), so caching the
// decomposition makes building a 10,000-document index several times faster.
const jamoCache = new Map<string, string>();

/**
 * Jamo of one character as typed on a 2-beolsik keyboard: 왜 → ㅇㅗㅐ, 값 → ㄱㅏㅂㅅ.
 * Non-Hangul characters are returned unchanged.
 */
export function jamoOfCharacter(ch: string): string {
  let jamo = jamoCache.get(ch);
  if (jamo === undefined) {
    const code = ch.charCodeAt(0);
    const isHangul = (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e);
    jamo = isHangul ? disassemble(ch) : ch;
    jamoCache.set(ch, jamo);
  }
  return jamo;
}

/**
 * Decomposes text into the key sequence a 2-beolsik typist presses, so that a half-typed
 * syllable (교통윱 while typing 교통유발금) and a one-key typo are a prefix or a single edit away.
 */
export function toJamo(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += jamoOfCharacter(text.charAt(i));
  return out;
}
