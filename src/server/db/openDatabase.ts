import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './acquireDataDirLock.ts';
import { restrictDataDirPermissions } from './restrictDataDirPermissions.ts';
import * as schema from './schema.ts';

/** The query interface every repository uses, whichever PostgreSQL is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with the migrations applied. */
export type OpenDatabase = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs a trivial query; used by /readyz. */
  ping: () => Promise<void>;
  /**
   * Subscribes to a NOTIFY channel. On PostgreSQL this holds one dedicated connection per
   * channel (reconnecting if it drops), so notifications from every instance arrive here.
   */
  listen: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};

/** Where the database is: an embedded directory, a PostgreSQL URL, or an existing PGlite (tests). */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-instance'; client: PGlite; closeClient?: boolean }
  | { kind: 'postgres'; url: string };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// A LISTEN connection that comes back after a dropped connection (server restart, failover).
async function listenOnPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => {
      if (stopped) return;
      client = null;
      setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

// Any number constant shared by all instances works; this one spells "ieum".
const MIGRATION_LOCK_KEY = 0x6965756d;

/**
 * Opens the database and applies pending migrations. The embedded directory is locked for this
 * process; on PostgreSQL an advisory lock serialises migrations across instances starting at once.
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that the server drops (restart, failover, pg_terminate_backend) emits an
    // error on the pool; unhandled, that would crash the process. pg discards the broken client and
    // the next query opens a fresh one, so there is nothing else to do here.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema });
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
    const listeners = new Set<() => Promise<void>>();
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      listen: async (channel, onNotify) => {
        const stop = await listenOnPostgres(target.url, channel, onNotify);
        listeners.add(stop);
        return async () => {
          listeners.delete(stop);
          await stop();
        };
      },
      close: async () => {
        await Promise.all([...listeners].map((stop) => stop()));
        await pool.end();
      },
    };
  }

  const lock = target.kind === 'pglite' ? acquireDataDirLock(target.dataDir) : null;
  const dataDir = target.kind === 'pglite' ? target.dataDir : null;
  try {
    if (dataDir) restrictDataDirPermissions(dataDir);
    const client = target.kind === 'pglite' ? await PGlite.create(target.dataDir) : target.client;
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    if (dataDir) restrictDataDirPermissions(dataDir);
    return {
      db,
      kind: 'pglite',
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      listen: async (channel, onNotify) => {
        const unlisten = await client.listen(channel, onNotify);
        return async () => {
          await unlisten().catch(() => {});
        };
      },
      close: async () => {
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
