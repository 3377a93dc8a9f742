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

/** The migrations folder as the release before the chatbot's consultations were told apart had it. */
function migrationsBeforeBotConsultations(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ieum-migrations-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')),
  );
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith('_report_bot_consultations'));
  if (at < 0) throw new Error('no *_report_bot_consultations migration in the journal');
  const before = journal.entries.slice(0, at);
  for (const entry of before)
    copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const agent = '00000000-0000-4000-8000-000000000001';
const bot = '00000000-0000-4000-8000-000000000002';

// Consultations as the release before wrote them: an agent's 5-minute call, and two the chatbot
// saved at its conversations' last turn (4 ms each), one of them handed to the agent since.
const oldRows = `
  insert into users (id, email, name, role) values
    ('${agent}', 'kim@ieum.test', '김상담', 'agent'),
    ('${bot}', 'kakao-bot@ieum.invalid', '카카오톡 챗봇', 'agent');
  insert into consultations (id, agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type, path,
      outcome, started_at, completed_at, last_activity_at)
    values
      ('00000000-0000-4000-8000-000000000101', '${agent}', 'call', 'completed', 'business-inquiry', '1', 'q1', 1,
       '[{"nodeId":"q1-ask","answer":"yes"}]', 'support-line', '2026-12-01T10:00:00+09:00',
       '2026-12-01T10:05:00+09:00', '2026-12-01T10:00:00+09:00'),
      ('00000000-0000-4000-8000-000000000102', '${bot}', 'chat', 'completed', 'business-inquiry', '1', 'q1', 1,
       '[{"nodeId":"q1-ask","answer":"yes"}]', 'support-line', '2026-12-01T11:00:00+09:00',
       '2026-12-01T11:00:00.004+09:00', '2026-12-01T11:00:00+09:00'),
      ('00000000-0000-4000-8000-000000000103', '${bot}', 'chat', 'completed', 'business-inquiry', '1', 'q1', 1,
       '[{"nodeId":"q1-ask","answer":"yes"}]', 'support-line', '2026-12-01T12:00:00+09:00',
       '2026-12-01T12:00:00.004+09:00', '2026-12-01T12:00:00+09:00');
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

describe.each(backends)('migration report_bot_consultations on existing data, $name', (backend) => {
  const folder = migrationsBeforeBotConsultations();
  afterAll(() => folder.remove());

  it("marks the chatbot's consultations, rebuilds the rollups without them in the agents' handle times, and follows a later change of agent", async () => {
    const upgraded = await backend.upgrade(folder.dir);
    try {
      const db = upgraded.database.db;
      const flags = () =>
        queryRows(
          db,
          sql`select id, by_bot from consultations order by id`,
          z.object({ id: z.string(), by_bot: z.boolean() }),
        );
      expect((await flags()).map((row) => row.by_bot)).toEqual([false, true, true]);
      const rollups = () =>
        queryRows(
          db,
          sql`select (select coalesce(sum(completed), 0) from report_handle_time_days) as timed,
            (select coalesce(sum(completed), 0) from report_path_days) as paths,
            (select coalesce(sum(consultations), 0) from report_consultation_days where by_bot) as bot,
            (select coalesce(sum(consultations), 0) from report_consultation_days where not by_bot) as people`,
          z.object({
            timed: z.coerce.number(),
            paths: z.coerce.number(),
            bot: z.coerce.number(),
            people: z.coerce.number(),
          }),
        );
      expect(await rollups()).toEqual([{ timed: 1, paths: 1, bot: 2, people: 1 }]);
      // An agent picks one of the bot's chats up: it becomes agents' work, in the rollups at once.
      await db.execute(sql`update consultations set agent_id = ${agent}::uuid
        where id = '00000000-0000-4000-8000-000000000103'`);
      expect((await flags()).map((row) => row.by_bot)).toEqual([false, true, false]);
      expect(await rollups()).toEqual([{ timed: 2, paths: 2, bot: 1, people: 2 }]);
    } finally {
      await upgraded.close();
    }
  });
});
