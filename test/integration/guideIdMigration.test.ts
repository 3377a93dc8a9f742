import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src/server/createLogger.ts';
import { type OpenDatabase, openDatabase } from '../../src/server/db/openDatabase.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { assignDefaultGuide } from '../../src/server/services/guides/assignDefaultGuide.ts';
import { loadGuideCatalog } from '../../src/server/services/guides/loadGuideCatalog.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../src/server/db/migrations');
const journalSchema = z
  .object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() }).loose()) })
  .loose();

/** The migrations folder as it was before guide ids were recorded (everything before *_guide_data). */
function migrationsBeforeGuideIds(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')),
  );
  const guideData = journal.entries.findIndex((entry) => entry.tag.endsWith('_guide_data'));
  if (guideData < 0) throw new Error('no *_guide_data migration in the journal');
  const before = journal.entries.slice(0, guideData);
  for (const entry of before)
    copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// Rows as the release before this one wrote them: a transfer and its lead from a consultation
// (on another guide id than the default, to tell the two back-fills apart), a transfer filed on
// its own, and the settings and rotation of an inquiry type.
const oldRows = `
  insert into users (id, email, name, role) values ('00000000-0000-4000-8000-000000000001', 'kim@ieum.test', '김', 'backoffice');
  insert into consultations (id, agent_id, channel, guide_id, guide_version, status)
    values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'chat', 'older-guide', 'v1', 'completed');
  insert into transfers (id, number, kind, consultation_id, inquiry_type, channel, inquiry, filed_by, due_at)
    values ('00000000-0000-4000-8000-000000000003', 'T-2026-000001', 'lead', '00000000-0000-4000-8000-000000000002', 6, 'chat', 'x',
            '00000000-0000-4000-8000-000000000001', now()),
           ('00000000-0000-4000-8000-000000000004', 'T-2026-000002', 'transfer', null, 3, 'call', 'y',
            '00000000-0000-4000-8000-000000000001', now());
  insert into leads (id, transfer_id, consultation_id, company_name, contact_name, phone, email, guide_version, filed_by, retention_ends_at)
    values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000003', null, '이음', 'c', 'p', 'e', 'v1',
            '00000000-0000-4000-8000-000000000001', now());
  insert into transfer_type_settings (inquiry_type, sla_kind, sla_minutes) values (3, 'business-minutes', 30);
  insert into transfer_assignees (inquiry_type, user_id, position) values (3, '00000000-0000-4000-8000-000000000001', 0);
`;

type Upgraded = { database: OpenDatabase; close: () => Promise<void> };

async function upgradePglite(folder: string): Promise<Upgraded> {
  const client = await PGlite.create();
  await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
  await client.exec(oldRows);
  const database = await openDatabase({ kind: 'pglite-instance', client, closeClient: true });
  return { database, close: () => database.close() };
}

async function upgradePostgres(adminUrl: string, folder: string): Promise<Upgraded> {
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

const backends: Array<{ name: string; upgrade: (folder: string) => Promise<Upgraded> }> = [
  { name: 'pglite', upgrade: upgradePglite },
];
const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
if (adminUrl) backends.push({ name: 'postgres', upgrade: (folder) => upgradePostgres(adminUrl, folder) });

describe.each(backends)('migration guide_data (guide ids) on existing data, $name', (backend) => {
  const folder = migrationsBeforeGuideIds();
  afterAll(() => folder.remove());

  it('back-fills transfers and leads from their consultation, the rest and the settings with the default guide', async () => {
    const upgraded = await backend.upgrade(folder.dir);
    try {
      const { db } = upgraded.database;
      const guideIds = z.object({ guide_id: z.string() });
      const read = (query: string) => queryRows(db, sql.raw(query), guideIds);
      // Until the server starts, rows not traceable to a consultation wait unassigned.
      expect(await read(`select guide_id from transfers order by number`)).toEqual([
        { guide_id: 'older-guide' },
        { guide_id: '' },
      ]);
      const guides = await loadGuideCatalog('content/guides');
      const assigned = await assignDefaultGuide(upgraded.database, guides, createLogger('silent'));
      expect(assigned).toBe(3);
      expect(await read(`select guide_id from transfers order by number`)).toEqual([
        { guide_id: 'older-guide' },
        { guide_id: 'business-inquiry' },
      ]);
      expect(await read(`select guide_id from leads`)).toEqual([{ guide_id: 'older-guide' }]);
      expect(await read(`select guide_id from transfer_type_settings`)).toEqual([
        { guide_id: 'business-inquiry' },
      ]);
      expect(await read(`select guide_id from transfer_assignees`)).toEqual([
        { guide_id: 'business-inquiry' },
      ]);
      // A second start finds nothing left to assign.
      expect(await assignDefaultGuide(upgraded.database, guides, createLogger('silent'))).toBe(0);
    } finally {
      await upgraded.close();
    }
  });
});
