import { and, asc, eq, gt, gte, inArray, lt, max, or } from 'drizzle-orm';
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

// Ids recently delivered, so a catch-up after a reconnection does not deliver them twice.
const REMEMBERED_IDS = 5_000;
const CATCH_UP_RETRY_MS = 1_000;
// Most notified ids read by one query.
const READ_BATCH = 500;

/**
 * Listens on the events channel (notifications carry ids) and reads the notified events once per
 * instance, a batch of ids per query under load, so a change made through one instance reaches the
 * live screens connected to any other. When the LISTEN
 * connection drops (PostgreSQL restarted), notifications sent meanwhile are lost: once it is back,
 * the hub reads what was stored since the last event it saw and delivers whatever it had not —
 * so no live event and no cache invalidation (closures, credentials) is missed.
 */
export async function createEventHub(database: OpenDatabase, logger: FastifyBaseLogger): Promise<EventHub> {
  const listeners = new Set<(event: LiveEvent) => void>();
  const delivered = new Set<number>();
  let lastSeenId = (await database.db.select({ id: max(events.id) }).from(events))[0]?.id ?? 0;
  let closed = false;

  const fanOut = (event: LiveEvent) => {
    if (delivered.has(event.id)) return;
    delivered.add(event.id);
    if (delivered.size > REMEMBERED_IDS) {
      const oldest = delivered.values().next().value;
      if (oldest !== undefined) delivered.delete(oldest);
    }
    lastSeenId = Math.max(lastSeenId, event.id);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ err: error }, 'event listener failed');
      }
    }
  };
  // Notified ids not read yet, in notification (commit) order. Under load many arrive while one
  // read runs: the next read takes them all, so the hub reads once per batch, not once per event.
  let pending: number[] = [];
  let readScheduled = false;
  const deliverPending = async () => {
    readScheduled = false;
    const ids = pending;
    pending = [];
    if (ids.length === 0) return;
    if (listeners.size === 0) {
      // Nobody to tell: no need to read them.
      for (const id of ids) {
        lastSeenId = Math.max(lastSeenId, id);
        database.localEvents.delete(id);
      }
      return;
    }
    const wanted = ids.filter((id) => !delivered.has(id));
    let start = 0;
    while (start < wanted.length) {
      // Events this instance stored are delivered from memory, in notification order, up to the
      // first one another instance stored: that one, and the next ones with it, are read back.
      const id = wanted[start] ?? 0;
      const own = database.localEvents.get(id);
      if (own) {
        database.localEvents.delete(id);
        fanOut(own);
        start += 1;
        continue;
      }
      const chunk = wanted.slice(start, start + READ_BATCH);
      const rows = await database.db.select().from(events).where(inArray(events.id, chunk));
      const byId = new Map(rows.map((row) => [row.id, toLive(row)]));
      for (const chunkId of chunk) {
        const row = byId.get(chunkId);
        database.localEvents.delete(chunkId);
        if (row) fanOut(row);
      }
      start += chunk.length;
    }
  };
  const notified = (payload: string) => {
    const id = Number.parseInt(payload, 10);
    if (!Number.isSafeInteger(id)) return;
    pending.push(id);
    if (readScheduled) return;
    readScheduled = true;
    enqueue(deliverPending);
  };
  const since = async (lastId: number, limit = 500) => {
    const [last] = await database.db.select({ at: events.at }).from(events).where(eq(events.id, lastId));
    const lateCommits = last
      ? and(lt(events.id, lastId), gte(events.at, new Date(last.at.getTime() - LATE_COMMIT_WINDOW_MS)))
      : undefined;
    return database.db
      .select()
      .from(events)
      .where(or(gt(events.id, lastId), lateCommits))
      .orderBy(asc(events.id))
      .limit(limit);
  };
  // After a reconnection: everything stored since the last event seen, page by page, retried
  // until the database answers (it may be coming back itself).
  const catchUp = async (): Promise<void> => {
    for (;;) {
      if (closed) return;
      try {
        let from = lastSeenId;
        let caught = 0;
        for (;;) {
          const rows = await since(from);
          for (const row of rows) fanOut(toLive(row));
          caught += rows.length;
          const last = rows.at(-1);
          if (rows.length < 500 || !last || last.id <= from) break;
          from = last.id;
        }
        logger.info({ caught }, 'live events: listening again; caught up on events stored meanwhile');
        return;
      } catch (error) {
        logger.warn({ err: error }, 'live events: catch-up after reconnecting failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, CATCH_UP_RETRY_MS));
      }
    }
  };
  // One delivery at a time, in the order the notifications came (commit order): reading the rows
  // concurrently would let a later event overtake an earlier one on every stream.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error) => logger.warn({ err: error }, 'event delivery failed'));
  };
  const unlisten = await database.listen(EVENTS_CHANNEL, notified, {
    onReconnect: () => enqueue(catchUp),
  });
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    since: async (lastId, limit = 500) => (await since(lastId, limit)).map(toLive),
    close: async () => {
      closed = true;
      await unlisten();
    },
  };
}
