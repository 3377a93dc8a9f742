/**
 * Folds one character (a single UTF-16 unit of NFC text) to its search form.
 *
 * Returns the folded character, `' '` for a separator (punctuation, symbols, whitespace), or `''`
 * for characters that carry no meaning for search (zero-width and combining marks). Always at most
 * one character long, so callers can keep a 1:1 map back to the original text for snippets.
 */
export function foldCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  // Hangul syllables and compatibility jamo (ㄱ…ㅣ) are the common case; keep them untouched.
  if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e)) return ch;
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return ch;
    return ' ';
  }
  // Full-width Latin and digits (ＰＣ, １６４４) come from Korean IMEs; fold them to ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return foldCharacter(String.fromCharCode(code - 0xfee0));
  // Zero-width spaces and joiners are pasted from web pages and chat apps; they must not split words.
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0xfeff) return '';
  if (/\p{M}/u.test(ch)) return '';
  if (/[\p{L}\p{N}]/u.test(ch)) {
    const lower = ch.toLowerCase();
    // A few letters lower-case to two units (İ); keep the original so offsets stay 1:1.
    return lower.length === 1 ? lower : ch;
  }
  return ' ';
}

/**
 * Normalises text for Korean search and suggestion: NFC, lower case, full-width ASCII folded,
 * punctuation and symbols turned into single spaces, trimmed.
 *
 * NFKC is deliberately not used: it would turn compatibility jamo (ㄱ, ㅂ) into conjoining jamo
 * and break 초성 queries.
 */
export function normalizeText(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < nfc.length; i++) {
    const folded = foldCharacter(nfc.charAt(i));
    if (folded === '') continue;
    if (folded === ' ') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += folded;
  }
  return out;
}
