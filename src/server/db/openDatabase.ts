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
import * as schema from './schema.ts';

/** The query interface every repository uses, whichever PostgreSQL is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with the migrations applied. */
export type OpenDatabase = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs a trivial query; used by /readyz. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

/** Where the database is: an embedded directory, a PostgreSQL URL, or an existing PGlite (tests). */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-instance'; client: PGlite; closeClient?: boolean }
  | { kind: 'postgres'; url: string };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any number constant shared by all instances works; this one spells "ieum".
const MIGRATION_LOCK_KEY = 0x6965756d;

/**
 * Opens the database and applies pending migrations. The embedded directory is locked for this
 * process; on PostgreSQL an advisory lock serialises migrations across instances starting at once.
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = drizzlePg(pool, { schema });
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => pool.end(),
    };
  }

  const lock = target.kind === 'pglite' ? acquireDataDirLock(target.dataDir) : null;
  try {
    const client = target.kind === 'pglite' ? await PGlite.create(target.dataDir) : target.client;
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: async () => {
        if (target.kind === 'pglite' || target.closeClient) await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
