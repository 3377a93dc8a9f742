/** A flow command a key press stands for. */
export type FlowKey = 'y' | 'n' | 'Enter' | 'Backspace' | 'Escape';

/**
 * Maps a keydown to a flow command. Agents often leave the IME in 한글, where the Y and N keys
 * type ㅛ and ㅜ, so the physical key (`code`) and the jamo count as well as the Latin letter.
 */
export function flowKeyOf(event: KeyboardEvent): FlowKey | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (event.key === 'Enter') return 'Enter';
  if (event.key === 'Backspace') return 'Backspace';
  if (event.key === 'Escape') return 'Escape';
  const key = event.key.toLowerCase();
  if (key === 'y' || key === 'ㅛ' || event.code === 'KeyY') return 'y';
  if (key === 'n' || key === 'ㅜ' || event.code === 'KeyN') return 'n';
  return null;
}
