import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import type { TestBackend } from './testDatabases.ts';

/** A database of its own on the test PostgreSQL, for tests that run several instances on one database. */
export type ScratchPostgres = {
  /** Opens a connection to it: one per instance, as separate instances each hold their own pool. */
  backend: TestBackend;
  url: string;
  drop: () => Promise<void>;
};

async function runAsAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates an empty database named ieum_test_<random> on the PostgreSQL at `adminUrl` (a superuser). */
export async function scratchPostgres(adminUrl: string): Promise<ScratchPostgres> {
  const name = `ieum_test_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    backend: { name: 'postgres', open: () => openDatabase({ kind: 'postgres', url: url.toString() }) },
    url: url.toString(),
    drop: () => runAsAdmin(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
