import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsJournal } from '../../src/server/db/migrationsJournal.ts';
import { openDatabase } from '../../src/server/db/openDatabase.ts';

const tags = migrationsJournal.tags();
// An earlier release: every migration but the last three.
const OLDER = tags.length - 3;

/** The migrations folder as an earlier release shipped it: its first `count` migrations only. */
function olderMigrationsFolder(count: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-older-migrations-'));
  fs.mkdirSync(path.join(folder, 'meta'));
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsJournal.folder, 'meta/_journal.json'), 'utf8'),
  );
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const tag of tags.slice(0, count))
    fs.copyFileSync(path.join(migrationsJournal.folder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  return folder;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

// An operator upgrading watches the start: it says which migrations it applied (names only), and
// says nothing when the schema was already current.
describe('the migrations a start applies', () => {
  it('on the embedded database: the ones an earlier release lacked, then none', async () => {
    const older = olderMigrationsFolder(OLDER);
    folders.push(older);
    const client = await PGlite.create();
    await migratePglite(drizzlePglite(client), { migrationsFolder: older });
    const upgraded = await openDatabase({ kind: 'pglite-instance', client });
    expect(upgraded.migrationsApplied).toEqual(tags.slice(OLDER));
    const again = await openDatabase({ kind: 'pglite-instance', client, closeClient: true });
    expect(again.migrationsApplied).toEqual([]);
    await again.close();
  });

  // On PostgreSQL too when the suite has one (CI does), as the other integration files run on both.
  const postgresUrls = process.env.IEUM_TEST_DATABASE_URL ? [process.env.IEUM_TEST_DATABASE_URL] : [];
  it.each(postgresUrls)(
    'on PostgreSQL: every one on a new database, the missing ones on an older one',
    async (adminUrl) => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const names = [
        `ieum_test_${randomBytes(6).toString('hex')}`,
        `ieum_test_${randomBytes(6).toString('hex')}`,
      ];
      for (const name of names) await admin.query(`create database ${name}`);
      const urlOf = (name: string) => {
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return url.toString();
      };
      try {
        const fresh = await openDatabase({ kind: 'postgres', url: urlOf(names[0] ?? '') });
        expect(fresh.migrationsApplied).toEqual(tags);
        await fresh.close();

        const older = olderMigrationsFolder(OLDER);
        folders.push(older);
        const pool = new pg.Pool({ connectionString: urlOf(names[1] ?? '') });
        await migratePg(drizzlePg(pool), { migrationsFolder: older });
        await pool.end();
        const upgraded = await openDatabase({ kind: 'postgres', url: urlOf(names[1] ?? '') });
        expect(upgraded.migrationsApplied).toEqual(tags.slice(OLDER));
        await upgraded.close();
        const again = await openDatabase({ kind: 'postgres', url: urlOf(names[1] ?? '') });
        expect(again.migrationsApplied).toEqual([]);
        await again.close();
      } finally {
        for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
