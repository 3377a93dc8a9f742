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
import { type OpenDatabase, openDatabase } from '../../src/server/db/openDatabase.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';

const migrationsDir = path.resolve(import.meta.dirname, '../../src/server/db/migrations');
const journalSchema = z
  .object({ entries: z.array(z.object({ idx: z.number(), tag: z.string() }).loose()) })
  .loose();

/** The migrations folder as the release before leads got a callback at filing had it. */
function migrationsBeforeLeadCallbacks(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')),
  );
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith('_lead_callbacks_without_brochure'));
  if (at < 0) throw new Error('no *_lead_callbacks_without_brochure migration in the journal');
  const before = journal.entries.slice(0, at);
  for (const entry of before)
    copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const user = '00000000-0000-4000-8000-000000000001';
const leadId = (n: number) => `00000000-0000-4000-8000-00000000010${n}`;

// Leads as the release before wrote them, one per transfer: (1) waiting for its brochure with no
// callback, the one the upgrade is for; (2) waiting, with the retry an unanswered call set;
// (3) brochure sent, callback due; (4) won; (5) waiting, but its personal data erased.
const oldRows = `
  insert into users (id, email, name, role) values ('${user}', 'kim@ieum.test', '김', 'backoffice');
  insert into transfers (id, number, kind, guide_id, inquiry_type, channel, inquiry, filed_by, due_at)
    select ('00000000-0000-4000-8000-00000000020' || n)::uuid, 'T-2026-00000' || n, 'lead', 'business-inquiry', 6,
           'call', '가입 소개서 요청', '${user}', now()
    from generate_series(1, 5) as n;
  insert into leads (id, transfer_id, guide_id, status, company_name, contact_name, phone, email, guide_version,
                     filed_by, retention_ends_at, created_at, callback_due_at, callback_attempts, brochure_sent_at,
                     closed_at, personal_data_erased_at)
    values
      ('${leadId(1)}', '00000000-0000-4000-8000-000000000201', 'business-inquiry', 'new', '가', 'c', 'p', 'e', 'v1',
       '${user}', now(), '2026-12-01T10:00:00+09:00', null, 0, null, null, null),
      ('${leadId(2)}', '00000000-0000-4000-8000-000000000202', 'business-inquiry', 'new', '나', 'c', 'p', 'e', 'v1',
       '${user}', now(), '2026-12-01T10:00:00+09:00', '2026-12-02T11:00:00+09:00', 1, null, null, null),
      ('${leadId(3)}', '00000000-0000-4000-8000-000000000203', 'business-inquiry', 'brochure-sent', '다', 'c', 'p', 'e',
       'v1', '${user}', now(), '2026-12-01T10:00:00+09:00', '2026-12-01T12:00:00+09:00', 0,
       '2026-12-01T10:00:05+09:00', null, null),
      ('${leadId(4)}', '00000000-0000-4000-8000-000000000204', 'business-inquiry', 'won', '라', 'c', 'p', 'e', 'v1',
       '${user}', now(), '2026-12-01T10:00:00+09:00', null, 1, null, '2026-12-01T11:00:00+09:00', null),
      ('${leadId(5)}', '00000000-0000-4000-8000-000000000205', 'business-inquiry', 'new', '마', '', '', '', 'v1',
       '${user}', now(), '2026-12-01T10:00:00+09:00', null, 0, null, null, '2026-12-03T00:00:00+09:00');
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

describe.each(backends)('migration lead_callbacks_without_brochure on existing data, $name', (backend) => {
  const folder = migrationsBeforeLeadCallbacks();
  afterAll(() => folder.remove());

  it('gives a lead still waiting for its brochure with no callback one due at its filing, and touches no other', async () => {
    const upgraded = await backend.upgrade(folder.dir);
    try {
      const rows = await queryRows(
        upgraded.database.db,
        sql`select id, callback_due_at from leads order by id`,
        z.object({ id: z.string(), callback_due_at: z.coerce.date().nullable() }),
      );
      expect(rows.map((row) => [row.id, row.callback_due_at?.toISOString() ?? null])).toEqual([
        [leadId(1), '2026-12-01T01:00:00.000Z'],
        [leadId(2), '2026-12-02T02:00:00.000Z'],
        [leadId(3), '2026-12-01T03:00:00.000Z'],
        [leadId(4), null],
        [leadId(5), null],
      ]);
    } finally {
      await upgraded.close();
    }
  });
});
