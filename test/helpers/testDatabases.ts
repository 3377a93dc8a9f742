import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../../src/server/db/openDatabase.ts';

/** A database backend the integration suite runs on. */
export type TestBackend = { name: 'pglite' | 'postgres'; open: () => Promise<OpenDatabase> };

let template: Promise<PGlite> | null = null;

// A fresh in-memory PGlite costs ~2 s and ~400 MB; cloning a migrated template costs a fraction.
async function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = await PGlite.create();
    await openDatabase({ kind: 'pglite-instance', client });
    return client;
  })();
  return template;
}

async function openPglite(): Promise<OpenDatabase> {
  const copy = await (await migratedTemplate()).clone();
  if (!(copy instanceof PGlite)) throw new Error('PGlite.clone() did not return a PGlite');
  return openDatabase({ kind: 'pglite-instance', client: copy, closeClient: true });
}

async function openPostgres(adminUrl: string): Promise<OpenDatabase> {
  const name = `ieum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  return {
    ...database,
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
 * The backends to run the integration suite on: the embedded PGlite always, and a real
 * PostgreSQL when IEUM_TEST_DATABASE_URL names one (CI starts one from Debian's package).
 */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', open: openPglite }];
  const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
  if (adminUrl) backends.push({ name: 'postgres', open: () => openPostgres(adminUrl) });
  return backends;
}
