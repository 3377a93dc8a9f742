import { and, asc, eq, gt, gte, lt, or } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { events } from '../db/jobsSchema.ts';
import type { OpenDatabase } from '../db/openDatabase.ts';
import { EVENTS_CHANNEL, type LiveEvent } from './publishEvent.ts';

/** Fans stored events out to in-process listeners (SSE streams), whichever instance published them. */
export type EventHub = {
  subscribe: (listener: (event: LiveEvent) => void) => () => void;
  /**
   * What a client that last saw `lastId` may have missed (Last-Event-ID catch-up), oldest first, at
   * most `limit`: every later id, and the earlier ids stored shortly before it — their transactions
   * may have committed after it (ids are taken at insert, delivery is in commit order), so some of
   * them can come again. Clients treat events as at-least-once and skip ids they have.
   */
  since: (lastId: number, limit?: number) => Promise<LiveEvent[]>;
  close: () => Promise<void>;
};

// How much earlier an event's transaction may have started and still committed after a later id:
// longer than any write transaction runs here (they take milliseconds).
const LATE_COMMIT_WINDOW_MS = 10_000;

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
    since: async (lastId, limit = 500) => {
      const [last] = await database.db.select({ at: events.at }).from(events).where(eq(events.id, lastId));
      const lateCommits = last
        ? and(lt(events.id, lastId), gte(events.at, new Date(last.at.getTime() - LATE_COMMIT_WINDOW_MS)))
        : undefined;
      return (
        await database.db
          .select()
          .from(events)
          .where(or(gt(events.id, lastId), lateCommits))
          .orderBy(asc(events.id))
          .limit(limit)
      ).map(toLive);
    },
    close: unlisten,
  };
}
