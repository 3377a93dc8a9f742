import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { events } from '../db/jobsSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import { eventScopes, rememberLocalEvents } from './eventScopes.ts';
import { orderLikeJsonb } from './orderLikeJsonb.ts';

/**
 * Channel on which every instance hears of new events. The payload is the event's id only: each
 * instance's hub reads the notified events back, in batches, once per instance (never per client),
 * except those it stored itself, which it still holds.
 */
export const EVENTS_CHANNEL = 'ieum_events';

/** A live event as subscribers receive it. */
export type LiveEvent = { id: number; type: string; data: Record<string, unknown>; at: string };

/** An event to publish: its type and its (non-personal) data. */
export type NewLiveEvent = { type: string; data: Record<string, unknown> };

const storedRow = z.object({ id: z.coerce.number(), at: z.coerce.date() });

/**
 * An event as jsonb will hold it (no undefined, dates as text, its key order): the same frames
 * whether this instance delivers it from memory or another reads it back.
 */
export function normaliseEvent(event: NewLiveEvent): NewLiveEvent {
  const data: unknown = orderLikeJsonb(JSON.parse(JSON.stringify(event.data)));
  // An object stays one through JSON (a toJSON could make it anything else, which is a bug).
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`event ${event.type}: its data is not a JSON object`);
  }
  return { type: event.type, data: Object.fromEntries(Object.entries(data)) };
}

/**
 * Hands the events published in this transaction and not stored yet to a statement that stores
 * them itself, with its own write (one round trip fewer, and none after it before the commit);
 * it then passes what it stored to rememberStoredEvents. Outside a transaction there are none.
 */
export function takePendingEvents(db: Database): NewLiveEvent[] {
  return eventScopes.get(db)?.pending?.splice(0) ?? [];
}

/** Remembers events a statement stored itself (see takePendingEvents), as publishEvent does. */
export function rememberStoredEvents(db: Database, stored: readonly LiveEvent[]): void {
  const scope = eventScopes.get(db);
  if (scope) rememberLocalEvents(scope.local, stored);
}

/**
 * Stores events in one statement and notifies every instance of each (ids only: a notification
 * stays a few bytes whatever the event holds). Returns them as stored, in the order given.
 */
export async function storeEvents(db: Database, batch: readonly NewLiveEvent[]): Promise<LiveEvent[]> {
  if (batch.length === 0) return [];
  const normalised = batch.map(normaliseEvent);
  const values = sql.join(
    normalised.map((event) => sql`(${event.type}, ${JSON.stringify(event.data)}::jsonb)`),
    sql`, `,
  );
  const rows = await queryRows(
    db,
    sql`with stored as (
          insert into ${events} (type, data) values ${values} returning id, at
        )
        select id, at, pg_notify(${EVENTS_CHANNEL}, id::text) as notified from stored`,
    storedRow,
  );
  if (rows.length !== normalised.length) throw new Error('insert into events returned fewer rows');
  // Ids are taken row by row in the order given.
  rows.sort((a, b) => a.id - b.id);
  return normalised.map((event, i) => {
    const row = rows[i];
    if (!row) throw new Error('insert into events returned fewer rows');
    return { id: row.id, type: event.type, data: event.data, at: row.at.toISOString() };
  });
}

/**
 * Publishes an event to every instance's live screens. Pass the transaction that made the change:
 * its events are stored together just before it commits (one statement however many) and the
 * NOTIFY is delivered on commit, so nobody hears of a change that was rolled back. Keep personal
 * data out of `data` (ids and masked values only): events are fanned out to many screens.
 */
export async function publishEvent(db: Database, event: NewLiveEvent): Promise<void> {
  const scope = eventScopes.get(db);
  if (scope?.pending) {
    scope.pending.push(event);
    return;
  }
  const stored = await storeEvents(db, [event]);
  if (scope) rememberLocalEvents(scope.local, stored);
}
