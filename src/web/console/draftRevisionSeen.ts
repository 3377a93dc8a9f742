import type { ConsoleState } from './consoleState.ts';

/**
 * The highest draft revision of the call on screen that this tab wrote or took from the server:
 * what a finish says it was made from (`draftRevision`). A save still out counts — it may be
 * stored before the finish arrives — so the server refuses the finish only for a newer draft
 * another tab or device stored.
 */
export function draftRevisionSeen(state: ConsoleState): number {
  return Math.max(state.savedDraftRevision, state.draftInFlight ?? 0);
}
