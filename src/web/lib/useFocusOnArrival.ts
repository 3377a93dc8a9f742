import { type RefObject, useEffect, useRef } from 'react';

/**
 * A ref for a screen's heading (give it tabIndex={-1}) that takes focus when the screen opens —
 * after sign-in or /setup focus was left on <body>, so a keyboard user started from the header's
 * first link and a screen reader from the top of the page. Focus that something else has already
 * placed (a drawer opened from the address, an autofocused field) is left where it is: the
 * screen's effect runs after its children's, and must not take focus back from them.
 */
export function useFocusOnArrival<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus();
  }, []);
  return ref;
}
