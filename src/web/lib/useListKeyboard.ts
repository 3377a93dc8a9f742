import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { isTypingTarget } from './isTypingTarget.ts';

/** What a keyboard-driven list needs: whether keys are live, its items, what Enter does, extra keys. */
export type ListKeyboardOptions<T> = {
  enabled: boolean;
  items: readonly T[];
  onEnter: (item: T) => void;
  /** Single-letter shortcuts of this list (e.g. `o` overdue), by `KeyboardEvent.key`. */
  keys?: Record<string, () => void>;
};

/**
 * J/K or arrows move a cursor through a list, Enter opens the item under it, and the list's own
 * letters toggle its filters — the queue's keys. Keys typed into a field, with a modifier or
 * while an IME composes Hangul are left alone.
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
      if (event.key === 'j' || event.key === 'ArrowDown') {
        event.preventDefault();
        setCursor((current) => Math.min(items.length - 1, current + 1));
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        event.preventDefault();
        setCursor((current) => Math.max(0, current - 1));
      } else if (event.key === 'Enter') {
        const item = items[cursor];
        if (item !== undefined) {
          event.preventDefault();
          onEnter(item);
        }
      } else {
        keys[event.key]?.();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });
  return [cursor, setCursor];
}
