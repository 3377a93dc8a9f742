import type { Database } from '../db/openDatabase.ts';
import { type EventScope, eventScopes, type LocalEvents, rememberLocalEvents } from './eventScopes.ts';
import { storeEvents } from './publishEvent.ts';

type Transactional = Pick<Database, 'transaction'>;

/**
 * Makes every transaction opened on `handle` (and every transaction nested in one) keep the live
 * events published in it and store them in one statement as its callback returns, just before it
 * commits: a finish that announces a saved record and a filed transfer pays one round trip for
 * both. A transaction that throws stores none. What is stored is remembered in `local`, so this
 * instance's hub delivers it without reading it back.
 */
export function batchTransactionEvents(handle: Transactional, local: LocalEvents): void {
  const scope: EventScope = { local, pending: null };
  eventScopes.set(handle, scope);
  const open = handle.transaction.bind(handle);
  handle.transaction = (work, config) =>
    open(async (tx) => {
      batchTransactionEvents(tx, local);
      const txScope = eventScopes.get(tx);
      if (txScope) txScope.pending = [];
      const result = await work(tx);
      const pending = txScope?.pending ?? [];
      if (txScope) txScope.pending = null;
      if (pending.length > 0) rememberLocalEvents(local, await storeEvents(tx, pending));
      return result;
    }, config);
}
