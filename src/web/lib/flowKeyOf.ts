import { type LetterKeyPress, letterKeyOf } from './letterKeyOf.ts';

/** A flow command a key press stands for. */
export type FlowKey = 'y' | 'n' | 'Enter' | 'Backspace' | 'Escape';

/**
 * Maps a keydown to a flow command. Agents often leave the IME in 한글, where the Y and N keys
 * type ㅛ and ㅜ, so the jamo and the physical key count as well as the Latin letter (letterKeyOf).
 */
export function flowKeyOf(event: LetterKeyPress): FlowKey | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === 'Enter') return 'Enter';
  if (event.key === 'Backspace') return 'Backspace';
  if (event.key === 'Escape') return 'Escape';
  const letter = letterKeyOf(event);
  return letter === 'y' || letter === 'n' ? letter : null;
}
