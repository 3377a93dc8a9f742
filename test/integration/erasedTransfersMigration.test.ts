import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { migrationsBefore, upgradeBackends } from '../helpers/migrationUpgrade.ts';

const user = '00000000-0000-4000-8000-000000000001';
const transferId = (n: number) => `00000000-0000-4000-8000-00000000020${n}`;

// Transfers as the release before left them: (1) 연락불가, erased by a data-subject request — the
// one the upgrade is for; (2) 접수, erased at its retention end; (3) closed, erased; (4) 접수, not
// erased; (5) 처리중, erased with no destruction-log entry left. Lead 1 (transfer 2's) was erased
// with a callback still due; lead 2 (transfer 4's) holds its data.
const oldRows = `
  insert into users (id, email, name, role) values ('${user}', 'kim@ieum.test', '김', 'backoffice');
  insert into transfers (id, number, kind, guide_id, inquiry_type, channel, inquiry, filed_by, due_at, status,
                         retry_at, closed_at, personal_data_erased_at)
    values
      ('${transferId(1)}', 'T-2026-000001', 'transfer', 'business-inquiry', 1, 'call', '', '${user}', now(),
       'unreachable', '2026-12-07T14:00:00+09:00', null, '2026-12-09T10:00:00+09:00'),
      ('${transferId(2)}', 'T-2026-000002', 'lead', 'business-inquiry', 6, 'call', '', '${user}', now(),
       'received', null, null, '2026-12-09T10:00:00+09:00'),
      ('${transferId(3)}', 'T-2026-000003', 'transfer', 'business-inquiry', 1, 'call', '', '${user}', now(),
       'closed', null, '2026-12-08T10:00:00+09:00', '2026-12-09T10:00:00+09:00'),
      ('${transferId(4)}', 'T-2026-000004', 'lead', 'business-inquiry', 6, 'call', '문의', '${user}', now(),
       'received', null, null, null),
      ('${transferId(5)}', 'T-2026-000005', 'transfer', 'business-inquiry', 1, 'call', '', '${user}', now(),
       'in-progress', null, null, '2026-12-09T10:00:00+09:00');
  insert into destruction_log (at, record_kind, record_id, reason, actor_id, detail)
    values
      (now(), 'transfer.personal-data', '${transferId(1)}', 'subject-request', '${user}', '{}'),
      (now(), 'transfer.personal-data', '${transferId(2)}', 'retention-ended', null, '{}'),
      (now(), 'transfer.personal-data', '${transferId(3)}', 'subject-request', '${user}', '{}');
  insert into leads (id, transfer_id, guide_id, status, company_name, contact_name, phone, email, guide_version,
                     filed_by, retention_ends_at, callback_due_at, personal_data_erased_at)
    values
      ('00000000-0000-4000-8000-000000000101', '${transferId(2)}', 'business-inquiry', 'brochure-sent', '가', '', '',
       '', 'v1', '${user}', now(), '2026-12-08T10:00:00+09:00', '2026-12-09T10:00:00+09:00'),
      ('00000000-0000-4000-8000-000000000102', '${transferId(4)}', 'business-inquiry', 'brochure-sent', '나', 'c',
       'p', 'e', 'v1', '${user}', now(), '2026-12-08T10:00:00+09:00', null);
`;

const backends = upgradeBackends(oldRows);

describe.each(backends)('migration transfer_erasure_reason on existing data, $name', (backend) => {
  const folder = migrationsBefore('_transfer_erasure_reason');
  afterAll(() => folder.remove());

  it('keeps why each transfer was erased and closes the open ones with a history entry; a lead erased has no callback due', async () => {
    const upgraded = await backend.upgrade(folder.dir);
    try {
      const { db } = upgraded.database;
      const transfers = await queryRows(
        db,
        sql`select id, status, retry_at, closed_at is not null as closed, personal_data_erased_reason
              from transfers order by id`,
        z.object({
          id: z.string(),
          status: z.string(),
          retry_at: z.unknown(),
          closed: z.boolean(),
          personal_data_erased_reason: z.string().nullable(),
        }),
      );
      expect(transfers).toEqual([
        {
          id: transferId(1),
          status: 'closed',
          retry_at: null,
          closed: true,
          personal_data_erased_reason: 'subject-request',
        },
        {
          id: transferId(2),
          status: 'closed',
          retry_at: null,
          closed: true,
          personal_data_erased_reason: 'retention-ended',
        },
        {
          id: transferId(3),
          status: 'closed',
          retry_at: null,
          closed: true,
          personal_data_erased_reason: 'subject-request',
        },
        {
          id: transferId(4),
          status: 'received',
          retry_at: null,
          closed: false,
          personal_data_erased_reason: null,
        },
        {
          id: transferId(5),
          status: 'closed',
          retry_at: null,
          closed: true,
          personal_data_erased_reason: null,
        },
      ]);
      const history = await queryRows(
        db,
        sql`select transfer_id, action, actor_id, detail from transfer_events order by transfer_id`,
        z.object({
          transfer_id: z.string(),
          action: z.string(),
          actor_id: z.string().nullable(),
          detail: z.record(z.string(), z.unknown()),
        }),
      );
      expect(history).toEqual([
        {
          transfer_id: transferId(1),
          action: 'erased',
          actor_id: null,
          detail: { reason: 'subject-request', fromStatus: 'unreachable', toStatus: 'closed' },
        },
        {
          transfer_id: transferId(2),
          action: 'erased',
          actor_id: null,
          detail: { reason: 'retention-ended', fromStatus: 'received', toStatus: 'closed' },
        },
        {
          transfer_id: transferId(5),
          action: 'erased',
          actor_id: null,
          detail: { fromStatus: 'in-progress', toStatus: 'closed' },
        },
      ]);
      const leads = await queryRows(
        db,
        sql`select company_name, callback_due_at is not null as due from leads order by company_name`,
        z.object({ company_name: z.string(), due: z.boolean() }),
      );
      expect(leads).toEqual([
        { company_name: '가', due: false },
        { company_name: '나', due: true },
      ]);
    } finally {
      await upgraded.close();
    }
  });
});
