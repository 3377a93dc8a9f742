import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { migrationsBefore, upgradeBackends } from '../helpers/migrationUpgrade.ts';

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

const backends = upgradeBackends(oldRows);

describe.each(backends)('migration lead_callbacks_without_brochure on existing data, $name', (backend) => {
  const folder = migrationsBefore('_lead_callbacks_without_brochure');
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
