import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { events } from '../db/jobsSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';

/**
 * Channel on which every instance hears of new events. The payload is the event's id only: each
 * instance's hub reads the notified events back, in batches, once per instance (never per client).
 */
export const EVENTS_CHANNEL = 'ieum_events';

/** A live event as subscribers receive it. */
export type LiveEvent = { id: number; type: string; data: Record<string, unknown>; at: string };

/**
 * Stores an event and notifies every instance. Pass the transaction that made the change: the
 * NOTIFY is delivered on commit, so nobody hears of a change that was rolled back. Keep personal
 * data out of `data` (ids and masked values only): events are fanned out to many screens.
 */
export async function publishEvent(
  db: Database,
  event: { type: string; data: Record<string, unknown> },
): Promise<number> {
  // One statement (a write is on the path of every filing): the row, and the NOTIFY naming it.
  // Ids only: a notification stays a few bytes whatever the event holds, and what reaches
  // screens is always the stored row.
  const rows = await queryRows(
    db,
    sql`with stored as (
          insert into ${events} (type, data) values (${event.type}, ${JSON.stringify(event.data)}::jsonb)
          returning id
        )
        select id, pg_notify(${EVENTS_CHANNEL}, id::text) as notified from stored`,
    z.object({ id: z.coerce.number() }),
  );
  const row = rows[0];
  if (!row) throw new Error('insert into events returned no row');
  return row.id;
}
