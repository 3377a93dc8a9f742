import type { LiveEvent } from './publishEvent.ts';

/** Events an instance stored itself, by id, until its hub hears of them (see createEventHub). */
export type LocalEvents = Map<number, LiveEvent>;

/**
 * Where publishEvent stands for a database handle: the local events of the database it belongs
 * to, and — for a transaction — the events published in it and not stored yet (they are stored
 * in one statement just before it commits; see batchTransactionEvents).
 */
export type EventScope = {
  local: LocalEvents;
  pending: Array<{ type: string; data: Record<string, unknown> }> | null;
};

// Keyed by the handle (the root database or a transaction object) so that whatever handle a
// service passes to publishEvent finds its scope without every call site carrying it.
export const eventScopes = new WeakMap<object, EventScope>();

// How many stored-but-not-yet-heard events an instance keeps. An entry whose notification never
// comes (a rolled-back transaction, a LISTEN connection that dropped) is only memory: ids are never
// reused, and a hub that finds no entry reads the row as before.
const LOCAL_EVENTS_KEPT = 10_000;

/** Remembers events this instance stored, dropping the oldest beyond the bound. */
export function rememberLocalEvents(local: LocalEvents, stored: readonly LiveEvent[]): void {
  for (const event of stored) local.set(event.id, event);
  while (local.size > LOCAL_EVENTS_KEPT) {
    const oldest = local.keys().next().value;
    if (oldest === undefined) break;
    local.delete(oldest);
  }
}
