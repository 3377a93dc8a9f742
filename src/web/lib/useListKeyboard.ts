import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { isOwnControl } from './isOwnControl.ts';
import { isTypingTarget } from './isTypingTarget.ts';
import { letterKeyOf } from './letterKeyOf.ts';

/** What a keyboard-driven list needs: whether keys are live, its items, what Enter does, extra keys. */
export type ListKeyboardOptions<T> = {
  enabled: boolean;
  items: readonly T[];
  /**
   * What Enter does with the item under the cursor (opens it). A list whose rows hold their own
   * buttons and fields leaves it out, and Enter stays theirs (the focused button is pressed).
   */
  onEnter?: (item: T) => void;
  /**
   * Single-letter shortcuts of this list (e.g. `o` overdue), by lowercase Latin letter: the same
   * key with Shift, Caps Lock or the IME in 한글 counts too (letterKeyOf).
   */
  keys?: Record<string, () => void>;
};

/**
 * J/K or arrows move a cursor through a list, Enter opens the item under it (unless a focused
 * button, link or tab takes that Enter itself), and the list's own
 * letters toggle its filters — the queue's keys. Letters are read by letterKeyOf, so J, Shift+J
 * and ㅓ (한글 mode) all move. Keys typed into a field, with a modifier or while an IME composes
 * Hangul are left alone.
 */
export function useListKeyboard<T>({
  enabled,
  items,
  onEnter,
  keys = {},
}: ListKeyboardOptions<T>): [number, Dispatch<SetStateAction<number>>] {
  const [cursor, setCursor] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTypingTarget(event.target)) return;
      const letter = letterKeyOf(event);
      if (letter === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        setCursor((current) => Math.min(items.length - 1, current + 1));
      } else if (letter === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        setCursor((current) => Math.max(0, current - 1));
      } else if (event.key === 'Enter' && onEnter) {
        // A focused button, link or tab does its own thing with Enter.
        if (isOwnControl(event.target)) return;
        const item = items[cursor];
        if (item !== undefined) {
          event.preventDefault();
          onEnter(item);
        }
      } else if (letter) {
        keys[letter]?.();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });
  return [cursor, setCursor];
}
