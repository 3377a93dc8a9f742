/** The keydown fields a letter shortcut reads (a DOM KeyboardEvent has them all). */
export type LetterKeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'metaKey'>;

// The 2-set (두벌식) layout: the jamo each Latin key types with the IME in 한글, Shift included
// (Shift+Q types ㅃ), so a shortcut still works when the agent left the IME in Korean.
const twoSetLetters: Record<string, string> = {
  ㅂ: 'q',
  ㅃ: 'q',
  ㅈ: 'w',
  ㅉ: 'w',
  ㄷ: 'e',
  ㄸ: 'e',
  ㄱ: 'r',
  ㄲ: 'r',
  ㅅ: 't',
  ㅆ: 't',
  ㅛ: 'y',
  ㅕ: 'u',
  ㅑ: 'i',
  ㅐ: 'o',
  ㅒ: 'o',
  ㅔ: 'p',
  ㅖ: 'p',
  ㅁ: 'a',
  ㄴ: 's',
  ㅇ: 'd',
  ㄹ: 'f',
  ㅎ: 'g',
  ㅗ: 'h',
  ㅓ: 'j',
  ㅏ: 'k',
  ㅣ: 'l',
  ㅋ: 'z',
  ㅌ: 'x',
  ㅊ: 'c',
  ㅍ: 'v',
  ㅠ: 'b',
  ㅜ: 'n',
  ㅡ: 'm',
};

/**
 * The lowercase Latin letter a keydown stands for as a single-letter shortcut, or null. Agents
 * often leave the IME in 한글 (J types ㅓ) or Caps Lock on (J types 'J'), and a shortcut must work
 * either way: a Latin letter counts in either case (so a non-QWERTY layout keeps its own letters),
 * a 2-set jamo counts as the key that types it, and when the key names no character we can read
 * ('Process' while an IME handles it, another script's letter) the physical key (`code`) decides.
 * With Ctrl, Alt or Meta it is a browser or OS command, not a shortcut.
 */
export function letterKeyOf(event: LetterKeyPress): string | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key;
  const jamo = twoSetLetters[event.key];
  if (jamo) return jamo;
  // Only a key outside printable ASCII falls back to `code`: ';' on a Dvorak KeyZ is not Z.
  if (/^[\x20-\x7e]$/.test(event.key)) return null;
  const physical = /^Key([A-Z])$/.exec(event.code);
  return physical?.[1] ? physical[1].toLowerCase() : null;
}
