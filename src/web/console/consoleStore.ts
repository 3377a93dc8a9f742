import { type ConsoleAction, consoleReducer } from './consoleReducer.ts';
import type { ConsoleState } from './consoleState.ts';

/** The console's state with synchronous dispatch, so a key handler sees the step change it caused at once. */
export type ConsoleStore = {
  getState: () => ConsoleState;
  dispatch: (action: ConsoleAction) => void;
  subscribe: (listener: () => void) => () => void;
};

/**
 * Holds the console state outside React (read with useSyncExternalStore). React batches its own
 * state updates to the next render; the key queue must know within the same keydown that the
 * step is changing, or the next key would slip past to the old step.
 */
export function createConsoleStore(initial: ConsoleState): ConsoleStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = consoleReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
