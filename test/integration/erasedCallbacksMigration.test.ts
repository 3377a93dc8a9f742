import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const migration = readFileSync(
  path.resolve(import.meta.dirname, '../../src/server/db/migrations/0034_erased_missed_call_callbacks.sql'),
  'utf8',
);

describe.each(testBackends())('migration 0034 (callbacks of erased missed calls) on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('closes as erased the open callbacks whose number an earlier release erased, and nothing else', async () => {
    const { db } = t.ctx.database;
    // Calls as the release before left them: (1) open, number erased — the one the upgrade is for;
    // (2) open, number held; (3) called back, number erased since.
    await db.execute(
      sql`insert into cti_tokens (id, name, token_hash) values ('00000000-0000-4000-8000-000000000001', 'PBX', 'h')`,
    );
    await db.execute(sql`
      insert into calls (external_id, token_id, direction, state, started_at, retention_ends_at,
                         callback_status, callback_due_at, personal_data_erased_at)
        values
          ('erased-open', '00000000-0000-4000-8000-000000000001', 'in', 'missed', now(), now(), 'open', now(), now()),
          ('held-open', '00000000-0000-4000-8000-000000000001', 'in', 'missed', now(), now(), 'open', now(), null),
          ('erased-done', '00000000-0000-4000-8000-000000000001', 'in', 'missed', now(), now(), 'done', now(), now());
    `);
    await db.execute(sql.raw(migration));
    const rows = await queryRows(
      db,
      sql`select external_id, callback_status from calls order by external_id`,
      z.object({ external_id: z.string(), callback_status: z.string() }),
    );
    expect(rows).toEqual([
      { external_id: 'erased-done', callback_status: 'done' },
      { external_id: 'erased-open', callback_status: 'erased' },
      { external_id: 'held-open', callback_status: 'open' },
    ]);
  });
});
