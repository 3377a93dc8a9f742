import { asc, eq, gt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { events } from '../db/jobsSchema.ts';
import type { OpenDatabase } from '../db/openDatabase.ts';
import { EVENTS_CHANNEL, type LiveEvent } from './publishEvent.ts';

/** Fans stored events out to in-process listeners (SSE streams), whichever instance published them. */
export type EventHub = {
  subscribe: (listener: (event: LiveEvent) => void) => () => void;
  /** Events after `lastId` (for Last-Event-ID catch-up), oldest first, at most `limit`. */
  since: (lastId: number, limit?: number) => Promise<LiveEvent[]>;
  close: () => Promise<void>;
};

function toLive(row: typeof events.$inferSelect): LiveEvent {
  return { id: row.id, type: row.type, data: row.data, at: row.at.toISOString() };
}

/**
 * Listens on the events channel and reads each notified event once per instance, so a change
 * made through one instance reaches the live screens connected to any other.
 */
export async function createEventHub(database: OpenDatabase, logger: FastifyBaseLogger): Promise<EventHub> {
  const listeners = new Set<(event: LiveEvent) => void>();
  const deliver = async (payload: string) => {
    const id = Number.parseInt(payload, 10);
    if (!Number.isSafeInteger(id) || listeners.size === 0) return;
    const rows = await database.db.select().from(events).where(eq(events.id, id)).limit(1);
    const row = rows[0];
    if (!row) return;
    const event = toLive(row);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ err: error }, 'event listener failed');
      }
    }
  };
  // One delivery at a time, in the order the notifications came (commit order): reading the rows
  // concurrently would let a later event overtake an earlier one on every stream.
  let queue: Promise<void> = Promise.resolve();
  const unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
    queue = queue
      .then(() => deliver(payload))
      .catch((error) => logger.warn({ err: error }, 'event delivery failed'));
  });
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    since: async (lastId, limit = 500) =>
      (
        await database.db
          .select()
          .from(events)
          .where(gt(events.id, lastId))
          .orderBy(asc(events.id))
          .limit(limit)
      ).map(toLive),
    close: unlisten,
  };
}
