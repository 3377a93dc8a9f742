import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const PHONE = '010-4444-9999';

/**
 * QA-10 H2: the staff notices about a transfer (its assignment, a comment's mention) were still
 * queued when a data-subject delete erased the transfer, and went out afterwards with the erased
 * inquiry and comment text. The server here has no SMTP: every notice waits in the outbox.
 */
describe.each(testBackends())('staff notices of an erased transfer on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let backoffice: User;
  let colleague: User;

  const post = async (who: User, url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => {
    const response = await t.app.inject({ method, url, headers: who.headers, payload });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const noticesOf = (transferId: string) =>
    queryRows(
      t.ctx.database.db,
      sql`select o.status from email_outbox o
           where o.dedupe_key like 'transfer:%'
             and split_part(o.dedupe_key, ':', 2) in
               (select e.id::text from transfer_events e where e.transfer_id = ${transferId})`,
      z.object({ status: z.string() }),
    );

  beforeAll(async () => {
    t = await buildTestApp(backend);
    t.setNow('2026-12-08T10:00:00+09:00');
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    colleague = await t.userWithToken('backoffice');
    await post(
      admin,
      '/api/v1/transfer-settings/assignees',
      { assignees: [{ userId: backoffice.id }], types: [{ inquiryType: 1 }] },
      'PUT',
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('are deleted with the transfer’s personal data, queued or kept; another customer’s stay', async () => {
    const file = (phone: string, name: string) =>
      post(agent, '/api/v1/transfers', {
        inquiryType: 1,
        channel: 'call',
        contactName: name,
        phone,
        inquiry: `정산 문의 ${name} 과장님 요청`,
      });
    const erased = await file(PHONE, '강소멸');
    const other = await file('010-5555-6666', '박민준');
    for (const transfer of [erased, other]) {
      await post(backoffice, `/api/v1/transfers/${transfer.id}/comments`, {
        // Mentioned by the e-mail's local part, as the mention list offers it.
        body: `@${colleague.email.split('@')[0]} 내일 고객께 전화 부탁드립니다`,
      });
    }
    expect((await noticesOf(erased.id)).length).toBeGreaterThanOrEqual(2);
    const otherBefore = (await noticesOf(other.id)).length;
    expect(otherBefore).toBeGreaterThanOrEqual(2);

    await post(admin, '/api/v1/data-subjects/delete', { phone: PHONE, reason: '정보주체 삭제 요청' });
    expect(await noticesOf(erased.id)).toEqual([]);
    expect((await noticesOf(other.id)).length).toBe(otherBefore);
  });
});
