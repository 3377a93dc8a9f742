import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { batchTransactionEvents } from '../events/batchTransactionEvents.ts';
import type { LocalEvents } from '../events/eventScopes.ts';
import { syncToDisk } from '../syncToDisk.ts';
import { acquireDataDirLock } from './acquireDataDirLock.ts';
import { CLEAN_STOP_FILE, type CleanStop, cleanStopRecord } from './cleanStopRecord.ts';
import { DurableNodeFS } from './durableNodeFs.ts';
import { migrationsJournal } from './migrationsJournal.ts';
import { type PgliteTemplateOptions, pgliteTemplate } from './pgliteTemplate.ts';
import { readNextTransactionId } from './readNextTransactionId.ts';
import { restrictDataDirPermissions } from './restrictDataDirPermissions.ts';
import * as schema from './schema.ts';
import { StatementNamingClient } from './statementNamingClient.ts';
import { withInstanceParsers } from './withInstanceParsers.ts';
import { withPreparedStatements } from './withPreparedStatements.ts';

/** The query interface every repository uses, whichever PostgreSQL is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with the migrations applied. */
export type OpenDatabase = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs a trivial query; used by /readyz. */
  ping: () => Promise<void>;
  /**
   * Subscribes to a NOTIFY channel. On PostgreSQL every channel shares one dedicated connection
   * (one LISTEN connection per instance), so notifications from every instance arrive here; when
   * it drops it is reopened with backoff and `onReconnect` is called, since notifications sent
   * meanwhile are lost.
   */
  listen: (
    channel: string,
    onNotify: (payload: string) => void,
    options?: ListenOptions,
  ) => Promise<() => Promise<void>>;
  /**
   * Live events this process stored and its hub has not heard of yet (publishEvent fills it, the
   * hub takes from it instead of reading those rows back).
   */
  localEvents: LocalEvents;
  /** Whether every LISTEN connection is up (always on PGlite); /readyz is not ready otherwise. */
  listening: () => boolean;
  /**
   * Embedded directory only: the start-up passes' fingerprint the last clean stop recorded, when
   * nothing has been written to the database since (what those passes made sure of still holds);
   * null otherwise, and always on PostgreSQL, where other instances and tools write at any time.
   */
  unchangedSinceStop: string | null;
  /**
   * Embedded directory only: this open made the database, as a copy of the migrated template — it
   * holds no rows yet, so the start-up passes that look for rows (default guide, re-seal) have
   * nothing to find.
   */
  createdFromTemplate: boolean;
  /**
   * The migrations this open applied (by tag, in order): an upgrade's new ones, every one on a new
   * PostgreSQL database; empty when the schema was current (or copied from the migrated template).
   */
  migrationsApplied: readonly string[];
  /** Closes it; `passesDone`: this process ran the start-up passes with that fingerprint. */
  close: (options?: { passesDone?: string }) => Promise<void>;
};

/** Where the database is: an embedded directory, a PostgreSQL URL, or an existing PGlite (tests). */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string; template?: PgliteTemplateOptions }
  | { kind: 'pglite-instance'; client: PGlite; closeClient?: boolean }
  | { kind: 'postgres'; url: string };

/** Called once a dropped LISTEN connection is back: notifications sent meanwhile were lost. */
export type ListenOptions = { onReconnect?: () => void };

const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 5_000;

type ChannelSubscriber = { onNotify: (payload: string) => void; options: ListenOptions };

type PostgresListener = {
  /** Adds a subscriber to a channel (LISTEN on the shared connection if it is the channel's first). */
  add: (channel: string, subscriber: ChannelSubscriber) => Promise<() => Promise<void>>;
  connected: () => boolean;
  stop: () => Promise<void>;
};

// The instance's one LISTEN connection, shared by every channel (live events, job wake-ups): opened
// on first use, it comes back after it drops (server restart, failover, a terminated backend),
// retried with backoff for as long as it takes, listening again on every channel, and each
// subscriber's `onReconnect` says when it is back, so callers can catch up on what they missed.
// While it is down, `connected()` is false (/readyz).
function createPostgresListener(url: string): PostgresListener {
  const channels = new Map<string, Set<ChannelSubscriber>>();
  let stopped = false;
  let client: pg.Client | null = null;
  let opening: Promise<pg.Client> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = RECONNECT_FIRST_MS;
  const open = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString: url, keepAlive: true });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (client === next) client = null;
      next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on('notification', (message) => {
      for (const subscriber of channels.get(message.channel) ?? [])
        subscriber.onNotify(message.payload ?? '');
    });
    // Until LISTEN is in place a failure rejects below (the caller decides what next); an 'error'
    // event without a listener would end the process.
    next.on('error', () => {});
    try {
      await next.connect();
      for (const channel of channels.keys()) await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.end().catch(() => {});
      throw error;
    }
    next.on('error', drop);
    next.on('end', drop);
    return next;
  };
  const reconnect = async () => {
    retryTimer = null;
    if (stopped) return;
    try {
      const next = await open();
      if (stopped) {
        await next.end().catch(() => {});
        return;
      }
      client = next;
      delay = RECONNECT_FIRST_MS;
      for (const subscribers of channels.values())
        for (const subscriber of subscribers) subscriber.options.onReconnect?.();
    } catch {
      scheduleReconnect();
    }
  };
  function scheduleReconnect() {
    if (stopped || retryTimer) return;
    const wait = delay;
    delay = Math.min(RECONNECT_MAX_MS, delay * 2);
    retryTimer = setTimeout(() => void reconnect(), wait);
    retryTimer.unref();
  }
  return {
    add: async (channel, subscriber) => {
      const subscribers = channels.get(channel) ?? new Set<ChannelSubscriber>();
      const first = subscribers.size === 0;
      subscribers.add(subscriber);
      channels.set(channel, subscribers);
      try {
        if (!client && !retryTimer) {
          // The first subscriber opens the connection (listening on every channel known by then).
          opening ??= open().finally(() => {
            opening = null;
          });
          client = await opening;
        }
        // (A second LISTEN on a channel is a no-op: this covers a channel added while opening.)
        if (first && client) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      } catch (error) {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) channels.delete(channel);
        throw error;
      }
      return async () => {
        subscribers.delete(subscriber);
        if (subscribers.size > 0) return;
        channels.delete(channel);
        await client?.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => {});
      };
    },
    connected: () => client !== null,
    stop: async () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}

// PGlite zeroes its whole buffer pool at every open: PostgreSQL's default 128 MB cost ~0.25 s of
// each start. An embedded database serves one small team, and what the pool does not hold the
// operating system's page cache does; the same-run benches (finish, kakao, transfers) did not move.
const PGLITE_SHARED_BUFFERS = '32MB';
const pgliteStartParams = [
  ...PGlite.defaultStartParams,
  '-c',
  `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
  // A WAL segment past its checkpoint is deleted, not renamed for reuse with its old content: the
  // erased values of a data-subject delete must leave the directory (shredErasedRowVersions).
  '-c',
  'wal_recycle=off',
  ...DurableNodeFS.startParams,
];

/**
 * How many migrations the database has applied (drizzle's own journal table; 0 before the first).
 * A statement outside any transaction, so a missing table fails nothing else.
 */
async function countAppliedMigrations(client: {
  query: (text: string) => Promise<{ rows: unknown[] }>;
}): Promise<number> {
  try {
    const { rows } = await client.query('select count(*)::int as applied from drizzle.__drizzle_migrations');
    const [row] = rows;
    const applied: unknown = typeof row === 'object' && row !== null ? Reflect.get(row, 'applied') : 0;
    return typeof applied === 'number' ? applied : 0;
  } catch {
    return 0;
  }
}

// Any number constant shared by all instances works; this one spells "ieum".
const MIGRATION_LOCK_KEY = 0x6965756d;

/**
 * Opens the database and applies pending migrations. The embedded directory is locked for this
 * process; on PostgreSQL an advisory lock serialises migrations across instances starting at once.
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10, Client: StatementNamingClient });
    // An idle connection that the server drops (restart, failover, pg_terminate_backend) emits an
    // error on the pool; unhandled, that would crash the process. pg discards the broken client and
    // the next query opens a fresh one, so there is nothing else to do here.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    const localEvents: LocalEvents = new Map();
    batchTransactionEvents(db, localEvents);
    const client = await pool.connect();
    let migrationsApplied: string[] = [];
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const before = await countAppliedMigrations(client);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: migrationsJournal.folder });
      migrationsApplied = migrationsJournal.tags().slice(before, await countAppliedMigrations(client));
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
    const listener = createPostgresListener(target.url);
    let listenedOnce = false;
    return {
      db,
      kind: 'postgres',
      localEvents,
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      listen: async (channel, onNotify, options = {}) => {
        const unlisten = await listener.add(channel, { onNotify, options });
        listenedOnce = true;
        return unlisten;
      },
      listening: () => !listenedOnce || listener.connected(),
      unchangedSinceStop: null,
      createdFromTemplate: false,
      migrationsApplied,
      close: async () => {
        await listener.stop();
        await pool.end();
      },
    };
  }

  const lock = target.kind === 'pglite' ? acquireDataDirLock(target.dataDir) : null;
  const dataDir = target.kind === 'pglite' ? target.dataDir : null;
  try {
    // The directory alone now (what is inside is then private to this user); each file is made
    // private after the migrations — walking the whole directory twice per start cost ~0.1 s.
    if (dataDir && fs.existsSync(dataDir)) fs.chmodSync(dataDir, 0o700);
    // A directory with no database yet starts as a copy of the migrated template, when there is
    // one: made from exactly these migrations, so they are not looked through again.
    const fromTemplate = target.kind === 'pglite' && pgliteTemplate.copyInto(target.dataDir, target.template);
    // Without a template PGlite runs initdb here, and writes its ~1,000 files without syncing one;
    // its checkpoints later sync only what they wrote themselves.
    const initdbInPlace =
      target.kind === 'pglite' && !fromTemplate && !fs.existsSync(path.join(target.dataDir, 'PG_VERSION'));
    const client =
      target.kind === 'pglite'
        ? await PGlite.create({ fs: new DurableNodeFS(target.dataDir), startParams: pgliteStartParams })
        : target.client;
    // On the disk before anything commits on top of it: a power cut must not keep a commit and lose
    // a catalog file under it, which PostgreSQL cannot repair.
    if (target.kind === 'pglite' && initdbInPlace) syncToDisk(target.dataDir, 'tree');
    const db = drizzlePglite(withInstanceParsers(withPreparedStatements(client)), { schema });
    const localEvents: LocalEvents = new Map();
    batchTransactionEvents(db, localEvents);
    const migrations = migrationsJournal.fingerprint();
    // A restart after a clean stop, with nothing written since and the same migrations: what that
    // process applied and checked still holds, so neither is done again (see CleanStop).
    let unchanged: (CleanStop & { openedAt: string }) | null = null;
    if (dataDir) {
      const stopped = cleanStopRecord.read(dataDir);
      const openedAt = await readNextTransactionId(client);
      if (stopped && stopped.nextTransactionId === openedAt && stopped.migrations === migrations)
        unchanged = { ...stopped, openedAt };
    }
    let migrationsApplied: string[] = [];
    if (!unchanged) {
      if (!fromTemplate) {
        const before = await countAppliedMigrations(client);
        await migratePglite(db, { migrationsFolder: migrationsJournal.folder });
        migrationsApplied = migrationsJournal.tags().slice(before, await countAppliedMigrations(client));
      }
      if (dataDir) restrictDataDirPermissions(dataDir);
    }
    return {
      db,
      kind: 'pglite',
      localEvents,
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      listen: async (channel, onNotify) => {
        const unlisten = await client.listen(channel, onNotify);
        return async () => {
          await unlisten().catch(() => {});
        };
      },
      // In-process: there is no connection to lose.
      listening: () => true,
      unchangedSinceStop: unchanged?.passes ?? null,
      createdFromTemplate: fromTemplate,
      migrationsApplied,
      close: async (options = {}) => {
        if (dataDir) {
          // Last, once nothing else writes. Without passes of its own (the CLI), the earlier
          // record's passes still hold if nothing was written meanwhile. A record that cannot be
          // written only costs the next start its shortcut.
          try {
            const nextTransactionId = await readNextTransactionId(client);
            const kept = unchanged && unchanged.openedAt === nextTransactionId ? unchanged.passes : null;
            cleanStopRecord.write(dataDir, {
              nextTransactionId,
              migrations,
              passes: options.passesDone ?? kept,
            });
          } catch {
            fs.rmSync(path.join(dataDir, CLEAN_STOP_FILE), { force: true });
          }
        }
        if (target.kind === 'pglite' || target.closeClient) await client.close();
        if (dataDir) restrictDataDirPermissions(dataDir);
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
