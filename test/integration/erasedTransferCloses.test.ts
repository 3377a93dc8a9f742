import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLeadInProcess } from '../helpers/fileSignUpLeadInProcess.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type HistoryEntry = {
  action: string;
  actor: { id: string } | null;
  detail: Record<string, unknown>;
  summary: string;
};

const PHONE = '010-4321-8765';
const OTHER_PHONE = '010-2468-1357';

/**
 * QA-10 M1: a data-subject delete erased an open transfer's contact, but the transfer stayed open
 * and overdue in the business queue (the live floor's 대기 중인 이관 and 가장 오래 기다린 이관 included),
 * and 개인정보 보기 answered that the retention period had ended. Erasing now closes it in the same
 * transaction with a history entry saying why, and the refusal names the real cause.
 */
describe.each(testBackends())('an erased open transfer closes on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let backoffice: User;
  let supervisor: User;

  const inject = (user: User, method: 'GET' | 'POST', url: string, payload?: object, language = 'ko') =>
    t.app.inject({
      method,
      url,
      headers: { ...user.headers, 'accept-language': language },
      ...(payload ? { payload } : {}),
    });
  const ok = async (user: User, url: string, payload: object) => {
    const response = await inject(user, 'POST', url, payload);
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const fileTransfer = (phone: string, name: string): Promise<{ id: string; number: string }> =>
    ok(agent, '/api/v1/transfers', {
      inquiryType: 1,
      channel: 'call',
      contactName: name,
      phone,
      inquiry: `정산 문의, ${name} 님 회신 요청`,
    });
  const transferOf = async (id: string, language = 'ko') => {
    const response = await inject(backoffice, 'GET', `/api/v1/transfers/${id}`, undefined, language);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const floor = async () => {
    const response = await inject(supervisor, 'GET', '/api/v1/reports/floor');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    return {
      open: body.figures.find((figure: { id: string }) => figure.id === 'floor.openTransfers')?.value,
      oldest: body.oldestWaiting?.transferId ?? null,
    };
  };
  const overdueIds = async () =>
    (await inject(backoffice, 'GET', '/api/v1/transfers?overdue=true&limit=200'))
      .json()
      .items.map((item: { id: string }) => item.id);

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a data-subject delete closes the open transfer (연락불가, overdue) in its transaction, says why in the history and in the refusal to reveal', async () => {
    t.setNow('2026-12-07T10:00:00+09:00'); // Monday; due Tuesday 12:00
    const unreachable = await fileTransfer(PHONE, '강소멸');
    const done = await fileTransfer(PHONE, '강소멸');
    t.setNow('2026-12-07T10:05:00+09:00');
    const other = await fileTransfer(OTHER_PHONE, '박민준');
    t.setNow('2026-12-07T11:00:00+09:00');
    await ok(backoffice, `/api/v1/transfers/${unreachable.id}/status`, { status: 'in-progress' });
    await ok(backoffice, `/api/v1/transfers/${unreachable.id}/status`, {
      status: 'unreachable',
      retryAt: '2026-12-07T14:00:00+09:00',
    });
    for (const status of ['in-progress', 'contacted', 'closed'])
      await ok(backoffice, `/api/v1/transfers/${done.id}/status`, { status });
    const doneBefore = await transferOf(done.id);

    t.setNow('2026-12-09T10:00:00+09:00'); // past the retry time and the due time
    expect(await overdueIds()).toEqual(expect.arrayContaining([unreachable.id, other.id]));
    expect(await floor()).toEqual({ open: 2, oldest: unreachable.id });

    await ok(admin, '/api/v1/data-subjects/delete', { phone: PHONE, reason: '정보주체 삭제 요청 #7' });

    const closed = await transferOf(unreachable.id);
    expect(closed).toMatchObject({
      status: 'closed',
      retryAt: null,
      closedAt: '2026-12-09T01:00:00.000Z',
      nextStatuses: [],
      contactName: '',
      phone: null,
      inquiry: '',
      personalDataErasedAt: '2026-12-09T01:00:00.000Z',
      personalDataErasedBecause: 'subject-request',
      sla: { state: 'met' },
    });
    const last: HistoryEntry = closed.history.at(-1);
    expect(last).toMatchObject({
      action: 'erased',
      actor: { id: admin.id },
      detail: { reason: 'subject-request', fromStatus: 'unreachable', toStatus: 'closed' },
      summary: '개인정보 삭제 (정보주체 요청) · 연락불가 → 종결',
    });
    expect((await transferOf(unreachable.id, 'en')).history.at(-1).summary).toBe(
      'Personal data deleted (data-subject request) · Unreachable → Closed',
    );

    // Closed already: it keeps its close, and its history says the data went.
    const closedBefore = await transferOf(done.id);
    expect(closedBefore).toMatchObject({
      status: 'closed',
      closedAt: doneBefore.closedAt,
      personalDataErasedBecause: 'subject-request',
    });
    expect(closedBefore.history.at(-1)).toMatchObject({
      action: 'erased',
      detail: { reason: 'subject-request' },
      summary: '개인정보 삭제 (정보주체 요청)',
    });
    expect(closedBefore.history.at(-1).detail).not.toHaveProperty('toStatus');

    // Out of the queue's overdue work and the live floor; the other customer's stays.
    expect(await overdueIds()).not.toContain(unreachable.id);
    expect(await overdueIds()).toContain(other.id);
    expect(await floor()).toEqual({ open: 1, oldest: other.id });
    expect((await transferOf(other.id)).personalDataErasedAt).toBeNull();

    // 개인정보 보기 names the real cause, in the caller's language.
    const reveal = (language: string) =>
      inject(
        backoffice,
        'POST',
        `/api/v1/transfers/${unreachable.id}/reveal`,
        { reason: '고객 재통화' },
        language,
      );
    const refused = await reveal('ko');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toBe('정보주체의 요청으로 개인정보가 삭제된 이관입니다.');
    expect((await reveal('en')).json().detail).toBe(
      "The personal data of this transfer was deleted at the data subject's request.",
    );

    // One destruction-log entry per transfer, as before.
    const logged = await queryRows(
      t.ctx.database.db,
      sql`select record_id from destruction_log where record_kind = 'transfer.personal-data'
           and record_id in (${unreachable.id}, ${done.id})`,
      z.object({ record_id: z.string() }),
    );
    expect(logged).toHaveLength(2);
  });

  it('a sign-up lead erased by a subject request has no callback due any more, and its transfer closes', async () => {
    t.setNow('2026-12-14T10:00:00+09:00');
    const lead = await fileSignUpLeadInProcess<{ id: string; transferId: string }>(
      t.app,
      agent.headers,
      '누리테크',
    );
    const before = (await inject(backoffice, 'GET', `/api/v1/leads/${lead.id}`)).json();
    expect(before.callback.dueAt).not.toBeNull();

    await ok(admin, '/api/v1/data-subjects/delete', {
      phone: '010-2345-6789',
      reason: '정보주체 삭제 요청 #8',
    });

    const after = (await inject(backoffice, 'GET', `/api/v1/leads/${lead.id}`)).json();
    expect(after.personalDataErasedAt).not.toBeNull();
    expect(after.callback).toMatchObject({ state: 'none', dueAt: null, brochureNotSent: false });
    const transfer = await transferOf(lead.transferId);
    expect(transfer).toMatchObject({ status: 'closed', personalDataErasedBecause: 'subject-request' });
    expect(transfer.history.at(-1)).toMatchObject({
      action: 'erased',
      detail: { reason: 'subject-request', fromStatus: 'received', toStatus: 'closed' },
    });
  });

  it('the retention purge closes an open transfer too, and the refusal then names the retention period', async () => {
    t.setNow('2026-12-15T10:00:00+09:00');
    const filed = await fileTransfer('010-9753-1864', '최보관');
    // Past the default retention (filed on its own: IEUM_RETENTION_DEFAULT_YEARS after filing).
    t.setNow(new Date(Date.parse('2026-12-15T10:00:00+09:00') + 20 * 366 * 24 * 60 * 60_000));
    await purgeExpiredPersonalData(t.ctx, { dryRun: false });

    const closed = await transferOf(filed.id);
    expect(closed).toMatchObject({ status: 'closed', personalDataErasedBecause: 'retention-ended' });
    expect(closed.history.at(-1)).toMatchObject({
      action: 'erased',
      actor: null,
      detail: { reason: 'retention-ended', fromStatus: 'received', toStatus: 'closed' },
      summary: '개인정보 파기 (보관 기간 종료) · 접수 → 종결',
    });
    const refused = await inject(backoffice, 'POST', `/api/v1/transfers/${filed.id}/reveal`, {
      reason: '고객 재통화',
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().detail).toBe('보관 기간이 끝나 개인정보가 파기된 이관입니다.');
  });
});
