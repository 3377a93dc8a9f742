import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { z } from 'zod';
import { type OpenDatabase, openDatabase } from '../../src/server/db/openDatabase.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../src/server/db/migrations');
const journalSchema = z
  .object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() }).loose()) })
  .loose();

/**
 * The migrations folder as the release before a migration had it: every migration before the
 * one whose tag ends with `tagSuffix` (`_guide_data`), in a temporary folder to migrate from.
 */
export function migrationsBefore(tagSuffix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')),
  );
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith(tagSuffix));
  if (at < 0) throw new Error(`no *${tagSuffix} migration in the journal`);
  const before = journal.entries.slice(0, at);
  for (const entry of before)
    copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A database migrated to an older release, given its rows, then opened as the app opens it (which migrates it on). */
export type UpgradedDatabase = { database: OpenDatabase; close: () => Promise<void> };

/** One database kind an upgrade test runs on: `upgrade(folder)` migrates to `folder`, writes the old rows, opens it. */
export type UpgradeBackend = { name: string; upgrade: (folder: string) => Promise<UpgradedDatabase> };

async function upgradePglite(folder: string, oldRows: string): Promise<UpgradedDatabase> {
  const client = await PGlite.create();
  await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
  await client.exec(oldRows);
  const database = await openDatabase({ kind: 'pglite-instance', client, closeClient: true });
  return { database, close: () => database.close() };
}

async function upgradePostgres(adminUrl: string, folder: string, oldRows: string): Promise<UpgradedDatabase> {
  const name = `ieum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const old = new pg.Client({ connectionString: url.toString() });
  await old.connect();
  await migratePg(drizzlePg(old), { migrationsFolder: folder });
  await old.query(oldRows);
  await old.end();
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Where an upgrade test runs: PGlite, and PostgreSQL when IEUM_TEST_DATABASE_URL is set (a fresh
 * database each time, dropped on close). `oldRows` is SQL writing rows as the older release did.
 */
export function upgradeBackends(oldRows: string): UpgradeBackend[] {
  const backends: UpgradeBackend[] = [
    { name: 'pglite', upgrade: (folder) => upgradePglite(folder, oldRows) },
  ];
  const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
  if (adminUrl)
    backends.push({ name: 'postgres', upgrade: (folder) => upgradePostgres(adminUrl, folder, oldRows) });
  return backends;
}
