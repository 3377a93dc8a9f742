import { useEffect } from 'react';
import { isHoldingKeys } from './consoleReducer.ts';
import type { ConsoleState } from './consoleState.ts';
import type { ConsoleStore } from './consoleStore.ts';
import { isQueueableKey, toQueuedKey } from './keyboardQueue.ts';
import { isReplayedKey, replayKey } from './replayKey.ts';

// A step whose view never reports must not hold keys for good. Long enough to cover a slow load of
// the guides right after login (a failed load reports at once through the scene's error), short
// enough that a stuck view does not swallow a typed line for long.
const SETTLE_FALLBACK_MS = 8_000;

/**
 * No key is lost while a step changes: from the keydown that changes the step until the new
 * step's view has mounted and taken focus, keys are held in the store's queue, then applied in
 * order, one per render, each where focus is at that moment. Call it in the console scene itself:
 * its effects run after its children's, so "settled" means the new step's focus effect has run.
 * `viewReady` is false while the step's view cannot show yet (the guide is loading).
 */
export function useKeyQueue(store: ConsoleStore, state: ConsoleState, viewReady: boolean): void {
  const { step, settledStep } = state;
  const queued = state.keyQueue.length;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isReplayedKey(event) || !isHoldingKeys(store.getState()) || !isQueueableKey(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      store.dispatch({ type: 'keyHeld', key: toQueuedKey(event) });
    };
    // Capture on window runs before every handler of the page, React's included.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [store]);

  useEffect(() => {
    if (viewReady) {
      store.dispatch({ type: 'stepSettled', step });
      return;
    }
    const timer = window.setTimeout(() => store.dispatch({ type: 'stepSettled', step }), SETTLE_FALLBACK_MS);
    return () => window.clearTimeout(timer);
  }, [store, step, viewReady]);

  // One key per render: a key may change what the next one means (a filter typed, then Enter).
  // biome-ignore lint/correctness/useExhaustiveDependencies: step, settledStep and queued are the triggers; the queue is read fresh from the store.
  useEffect(() => {
    const current = store.getState();
    const [next] = current.keyQueue;
    if (!next || current.settledStep !== current.step) return;
    store.dispatch({ type: 'keyReleased' });
    replayKey(next);
  }, [store, step, settledStep, queued]);
}
