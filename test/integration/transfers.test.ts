import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import type { Guide } from '../../src/domain/guide/guideSchema.ts';
import { transfers } from '../../src/server/db/transferSchema.ts';
import { canSeeEvent } from '../../src/server/events/canSeeEvent.ts';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import {
  verifyTimestampedWebhookSignature,
  verifyWebhookSignature,
} from '../../src/server/services/webhooks/signWebhookBody.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { readOutbox } from '../helpers/readOutbox.ts';
import { recordConsultation } from '../helpers/recordConsultation.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../helpers/startWebhookReceiver.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const record = {
  summary: '정산 문의',
  companyName: '이음상사',
  contactName: '홍길동',
  phone: '010-1234-5678',
  inquiry: '월 정산 내역 확인 요청 (회신 hong@example.com)',
  title: '[비즈니스] 정산 문의',
  body: 'ㄴ 기업명 : 이음상사\nㄴ 담당자 이름 : 홍길동\nㄴ 연락처 : 010-1234-5678\nㄴ 문의 내용 : 월 정산 내역 확인 요청',
};

describe.each(testBackends())('transfers (이관) on $name', (backend) => {
  let t: TestApp;
  let guide: Guide;
  let admin: User;
  let agent: User;
  let otherAgent: User;
  let kim: User;
  let lee: User;
  let park: User;
  let supervisor: User;
  const live: LiveEvent[] = [];

  beforeAll(async () => {
    // The webhook tests deliver to a receiver on loopback.
    t = await buildTestApp(backend, { IEUM_WEBHOOK_ALLOW_PRIVATE: 'true' });
    const found = t.ctx.guides.get('business-inquiry');
    if (!found) throw new Error('business-inquiry guide missing');
    guide = found;
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    otherAgent = await t.userWithToken('agent');
    kim = await t.userWithToken('backoffice', `kim-${backend.name}@ieum.test`);
    lee = await t.userWithToken('backoffice', `lee-${backend.name}@ieum.test`);
    park = await t.userWithToken('backoffice', `park-${backend.name}@ieum.test`);
    supervisor = await t.userWithToken('supervisor');
    t.ctx.events.subscribe((event) => live.push(event));
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (
    user: User,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({ method, url, headers: { ...user.headers, ...headers }, ...(payload ? { payload } : {}) });

  /** Starts and completes a consultation ending in a transfer; returns its id. */
  async function transferConsultation(by: User): Promise<string> {
    const history = enumerateFlowPaths(guide, 'q1').find(
      (path) =>
        path.outcome === 'transfer' &&
        !path.history.some((e) => e.answer === 'open' || e.answer === 'closed'),
    )?.history;
    if (!history) throw new Error('no q1 transfer path');
    return recordConsultation(t.app, by.headers, {
      channel: 'chat',
      callerNumber: '01099998888',
      scriptId: 'q1',
      inquiryType: 1,
      history,
      record,
    });
  }

  async function waitForEvent(predicate: (event: LiveEvent) => boolean): Promise<LiveEvent> {
    for (let i = 0; i < 100; i++) {
      const found = live.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('event did not arrive');
  }

  it('lets only admins configure assignees and SLAs, and validates them where they are wrong', async () => {
    const settings = {
      types: [
        {
          inquiryType: 1,
          sla: { kind: 'next-business-day', time: '12:00' },
          assignees: [
            { userId: kim.id, onDuty: true },
            { userId: park.id, onDuty: false },
            { userId: lee.id, onDuty: true },
          ],
        },
        { inquiryType: 6, sla: { kind: 'business-minutes', minutes: 240 }, assignees: [{ userId: lee.id }] },
      ],
    };
    expect((await inject(agent, 'PUT', '/api/v1/transfer-settings', settings)).statusCode).toBe(403);
    const bad = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [
        {
          inquiryType: 1,
          sla: { kind: 'next-business-day', time: '12:00' },
          assignees: [{ userId: agent.id }],
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].where).toBe('/types/0/assignees/0/userId');
    const badTime = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [{ inquiryType: 1, sla: { kind: 'next-business-day', time: '25:00' }, assignees: [] }],
    });
    expect(badTime.statusCode).toBe(400);
    const saved = await inject(admin, 'PUT', '/api/v1/transfer-settings', settings);
    expect(saved.statusCode, saved.body).toBe(200);
    const type1 = saved.json().types.find((type: { inquiryType: number }) => type.inquiryType === 1);
    expect(type1).toMatchObject({
      label: guide.inquiryTypes[0]?.label,
      sla: { kind: 'next-business-day', time: '12:00' },
      nextAssignee: { id: kim.id },
    });
    expect(type1.assignees.map((a: { userId: string }) => a.userId)).toEqual([kim.id, park.id, lee.id]);
    const read = await inject(supervisor, 'GET', '/api/v1/transfer-settings');
    expect(read.statusCode).toBe(200);
    expect(read.json().types).toHaveLength(9);
  });

  it('files a transfer from a consultation once per Idempotency-Key, pre-filled, due next business day 12:00', async () => {
    const consultationId = await transferConsultation(agent);
    const preview = await inject(agent, 'GET', '/api/v1/transfers/preview?inquiryType=1');
    expect(preview.json()).toMatchObject({
      assignee: { id: kim.id },
      dueAt: '2026-11-26T03:00:00.000Z',
    });
    const key = `key-${backend.name}-1`;
    const headers = { 'idempotency-key': key };
    const first = await inject(agent, 'POST', '/api/v1/transfers', { consultationId }, headers);
    expect(first.statusCode, first.body).toBe(201);
    const filed = first.json();
    expect(filed).toMatchObject({
      number: 'T-2026-000001',
      kind: 'transfer',
      status: 'received',
      statusLabel: '접수',
      inquiryType: 1,
      channel: 'chat',
      companyName: '이음상사',
      contactName: '홍길동',
      phone: '010-1234-5678',
      masked: false,
      consultationId,
      filedBy: { id: agent.id },
      assignee: { id: kim.id },
      dueAt: '2026-11-26T03:00:00.000Z',
      sla: { state: 'running', businessMinutesLeft: 480 + 180 },
    });

    const retried = await inject(agent, 'POST', '/api/v1/transfers', { consultationId }, headers);
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json().id).toBe(filed.id);

    const otherBody = await inject(
      agent,
      'POST',
      '/api/v1/transfers',
      { consultationId, inquiry: '다른 내용' },
      headers,
    );
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json().code).toBe('idempotency-key-reused');

    const again = await inject(agent, 'POST', '/api/v1/transfers', { consultationId });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('T-2026-000001');

    const rows = await t.ctx.database.db
      .select()
      .from(transfers)
      .where(eq(transfers.consultationId, consultationId));
    expect(rows).toHaveLength(1);
    // Personal fields are encrypted at rest.
    expect(rows[0]?.phone).toMatch(/^enc:v1:/);
    expect(JSON.stringify(rows[0])).not.toContain('홍길동');

    const event = await waitForEvent((e) => e.type === 'transfer.filed' && e.data.transferId === filed.id);
    expect(event.data).toMatchObject({ filedById: agent.id, assigneeId: kim.id, status: 'received' });
    expect(JSON.stringify(event.data)).not.toMatch(/홍길동|1234-5678/);

    // The assignee is notified by e-mail through the outbox (no SMTP configured: it stays queued).
    const mails = (await readOutbox(t.ctx)).filter((mail) => mail.toAddress === kim.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('T-2026-000001');
    expect(mails[0]?.text).toContain('홍*동');
    expect(mails[0]?.text).not.toContain('1234-5678');
  });

  it('makes one transfer from concurrent retries with one key', async () => {
    const headers = { 'idempotency-key': `key-${backend.name}-race` };
    const body = { inquiryType: 1, phone: '010-2222-3333', inquiry: '동시 재시도' };
    const responses = await Promise.all(
      [0, 1, 2].map(() => inject(agent, 'POST', '/api/v1/transfers', body, headers)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
  });

  it('files a sign-up lead only under a sign-up type, and a 담당자 only as a name, saying so in either language', async () => {
    const body = {
      inquiryType: 1,
      kind: 'lead',
      contactName: '홍길동',
      phone: '010-1234-5678',
      inquiry: '가입 문의',
    };
    const before = (await inject(kim, 'GET', '/api/v1/transfers?limit=100')).json().total;
    const leadOnType1 = await inject(agent, 'POST', '/api/v1/transfers', body, { 'accept-language': 'en' });
    expect(leadOnType1.statusCode, leadOnType1.body).toBe(400);
    expect(leadOnType1.json().errors).toEqual([
      {
        where: '/kind',
        in: 'body',
        pointer: '/kind',
        message:
          'A sign-up lead can only be filed under a sign-up inquiry type (6, 7) of the 비즈니스 문의 guide',
        messageKey: 'transfers.signUpTypesOnly',
        params: { guide: '비즈니스 문의', types: '6, 7' },
      },
    ]);
    const inKorean = await inject(agent, 'POST', '/api/v1/transfers', body);
    expect(inKorean.json().errors[0].message).toBe(
      '가입 리드는 비즈니스 문의 가이드의 가입 상담 유형(6, 7)으로만 접수합니다',
    );
    const numberAsName = await inject(
      agent,
      'POST',
      '/api/v1/transfers',
      { ...body, kind: 'transfer', contactName: '12345' },
      { 'accept-language': 'en' },
    );
    expect(numberAsName.statusCode, numberAsName.body).toBe(400);
    expect(numberAsName.json().errors).toMatchObject([
      { where: '/contactName', messageKey: 'leads.contactNameInvalid' },
    ]);
    const unknownType = await inject(
      agent,
      'POST',
      '/api/v1/transfers',
      { ...body, kind: 'transfer', inquiryType: 10 },
      { 'accept-language': 'en' },
    );
    expect(unknownType.json().errors[0]).toMatchObject({
      where: '/inquiryType',
      message: 'The inquiry type must be one of 1, 2, 3, 4, 5, 6, 7, 8, 9 (the 비즈니스 문의 guide)',
    });
    // Nothing was filed by any of them.
    expect((await inject(kim, 'GET', '/api/v1/transfers?limit=100')).json().total).toBe(before);
  });

  it('files no transfer from a consultation whose caller declined to be contacted', async () => {
    const declined = await recordConsultation(t.app, agent.headers, {
      channel: 'call',
      scriptId: 'q1',
      inquiryType: 1,
      history: [
        { nodeId: 'q1-registered', answer: 'no' },
        { nodeId: 'q1-transfer-inquiry', answer: 'next' },
        { nodeId: 'q1-callback-consent', answer: 'no' },
      ],
      record: {
        summary: '관리자 기능 문의',
        inquiry: '한도 변경',
        title: '[비즈니스] 관리자 기능 문의',
        body: 'ㄴ 문의 내용 : 한도 변경',
      },
    });
    const filed = await inject(
      agent,
      'POST',
      '/api/v1/transfers',
      { consultationId: declined, email: 'caller@example.com' },
      { 'accept-language': 'en' },
    );
    expect(filed.statusCode, filed.body).toBe(400);
    expect(filed.json().errors).toMatchObject([
      { where: '/consultationId', messageKey: 'consultations.transferAfterRefusal' },
    ]);
  });

  it('rejects a transfer without what the business team needs, naming the field', async () => {
    const empty = await inject(agent, 'POST', '/api/v1/transfers', { inquiryType: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors.map((e: { where: string }) => e.where)).toEqual(['/inquiry', '/phone']);
    const badPhone = await inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 1,
      inquiry: 'x',
      phone: '123',
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].where).toBe('/phone');
    const badType = await inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType: 12,
      inquiry: 'x',
      phone: '010-1234-5678',
    });
    expect(badType.json().errors[0].where).toBe('/inquiryType');
    const strangers = await inject(otherAgent, 'POST', '/api/v1/transfers', {
      consultationId: await transferConsultation(agent),
    });
    expect(strangers.statusCode).toBe(404);
    expect((await inject(supervisor, 'POST', '/api/v1/transfers', { inquiryType: 1 })).statusCode).toBe(403);
  });

  it('is due on Tuesday when filed Friday 18:30 before the 5/25 substitute holiday; minute SLAs count business time', async () => {
    t.setNow('2026-05-22T18:30:00+09:00');
    try {
      const type1 = await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        phone: '010-1234-5678',
        inquiry: '주말 전 이관',
      });
      expect(type1.json()).toMatchObject({ number: 'T-2026-000003', dueAt: '2026-05-26T03:00:00.000Z' });
      const lead = await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 6,
        kind: 'lead',
        companyName: '새회사',
        contactName: '김가입',
        phone: '02-123-4567',
        email: 'Buyer@Example.COM',
        inquiry: '가입 소개서 요청',
      });
      // 240 business minutes from Tuesday 09:00.
      expect(lead.json()).toMatchObject({
        kind: 'lead',
        email: 'Buyer@example.com',
        dueAt: '2026-05-26T04:00:00.000Z',
        assignee: { id: lee.id },
      });
    } finally {
      t.setNow('2026-11-25T10:00:00+09:00');
    }
  });

  it('rotates assignees among members on duty', async () => {
    const assignees: string[] = [];
    for (let i = 0; i < 4; i++) {
      const filed = await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        phone: '010-1234-5678',
        inquiry: `순번 ${i}`,
      });
      assignees.push(filed.json().assignee.id);
    }
    // kim had the first, lee the race one, kim the 5/22 one; park is off duty.
    expect(assignees).toEqual([lee.id, kim.id, lee.id, kim.id]);
  });

  it('shows the business team the whole queue masked, with filters, and agents only their own', async () => {
    const queue = await inject(kim, 'GET', '/api/v1/transfers?limit=100');
    expect(queue.statusCode, queue.body).toBe(200);
    const page = queue.json();
    expect(page.total).toBeGreaterThanOrEqual(8);
    const first = page.items.find((item: { number: string }) => item.number === 'T-2026-000001');
    expect(first).toMatchObject({ contactName: '홍*동', phone: '010-****-5678', masked: true });
    expect(first.inquiry).toContain('ho***@example.com');
    // Most urgent first: the May transfers are long overdue.
    expect(page.items[0].sla.state).toBe('overdue');

    const overdue = await inject(kim, 'GET', '/api/v1/transfers?overdue=true');
    expect(
      overdue.json().items.every((item: { sla: { state: string } }) => item.sla.state === 'overdue'),
    ).toBe(true);
    expect(overdue.json().total).toBe(2);
    const mine = await inject(kim, 'GET', '/api/v1/transfers?assignee=me&status=received');
    expect(mine.json().items.every((item: { assignee: { id: string } }) => item.assignee.id === kim.id)).toBe(
      true,
    );
    const leads = await inject(kim, 'GET', '/api/v1/transfers?inquiryType=6');
    expect(leads.json().total).toBe(1);
    const badFilter = await inject(kim, 'GET', '/api/v1/transfers?status=lost');
    expect(badFilter.statusCode).toBe(400);

    const others = await inject(otherAgent, 'GET', '/api/v1/transfers');
    expect(others.json().total).toBe(0);
    expect((await inject(otherAgent, 'GET', `/api/v1/transfers/${first.id}`)).statusCode).toBe(404);
    expect((await inject(agent, 'GET', `/api/v1/transfers/${first.id}`)).statusCode).toBe(200);
    expect((await inject(supervisor, 'GET', '/api/v1/transfers')).json().total).toBe(page.total);
  });

  it('moves a transfer through the workflow, recording who and when, and refuses illegal moves', async () => {
    const filed = (
      await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        phone: '010-1234-5678',
        inquiry: '흐름',
      })
    ).json();
    const url = `/api/v1/transfers/${filed.id}/status`;
    expect((await inject(agent, 'POST', url, { status: 'in-progress' })).statusCode).toBe(403);
    expect((await inject(supervisor, 'POST', url, { status: 'in-progress' })).statusCode).toBe(403);
    const skip = await inject(park, 'POST', url, { status: 'closed' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().errors[0].where).toBe('/status');

    // Back to the unassigned pile; starting work on it makes the handler its assignee.
    await inject(kim, 'POST', `/api/v1/transfers/${filed.id}/assign`, { assigneeId: null });
    const started = await inject(park, 'POST', url, { status: 'in-progress', expectedStatus: 'received' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({
      status: 'in-progress',
      statusLabel: '처리중',
      assignee: { id: park.id },
    });
    const doubleClick = await inject(park, 'POST', url, {
      status: 'in-progress',
      expectedStatus: 'received',
    });
    expect(doubleClick.statusCode).toBe(409);

    const pastRetry = await inject(park, 'POST', url, {
      status: 'unreachable',
      retryAt: '2026-11-25T09:00:00+09:00',
    });
    expect(pastRetry.statusCode).toBe(400);
    expect(pastRetry.json().errors[0].where).toBe('/retryAt');
    const unreachable = await inject(park, 'POST', url, {
      status: 'unreachable',
      retryAt: '2026-11-25T14:00:00+09:00',
      note: '부재중, 010-7777-8888로 재연락',
    });
    expect(unreachable.json()).toMatchObject({
      status: 'unreachable',
      retryAt: '2026-11-25T05:00:00.000Z',
      sla: { state: 'running', businessMinutesLeft: 240 },
    });
    await inject(park, 'POST', url, { status: 'in-progress' });
    const contacted = await inject(park, 'POST', url, { status: 'contacted' });
    expect(contacted.json()).toMatchObject({ status: 'contacted', retryAt: null, sla: { state: 'met' } });
    t.advance(60_000);
    const closed = await inject(park, 'POST', url, { status: 'closed' });
    expect(closed.json()).toMatchObject({ status: 'closed', nextStatuses: [] });
    expect((await inject(park, 'POST', url, { status: 'in-progress' })).statusCode).toBe(409);

    const detail = (await inject(agent, 'GET', `/api/v1/transfers/${filed.id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'filed',
      'assigned',
      'status-changed',
      'assigned',
      'status-changed',
      'status-changed',
      'status-changed',
      'status-changed',
    ]);
    expect(detail.history[1].summary).toContain('배정 해제');
    expect(detail.history[3].summary).toContain('가져감');
    expect(detail.history[2]).toMatchObject({
      actor: { id: park.id },
      detail: { fromStatus: 'received', toStatus: 'in-progress' },
      summary: '접수 → 처리중',
    });
    expect(detail.history[4].summary).toBe(
      '처리중 → 연락불가 · 재시도 11월 25일 (수) 14:00 · 부재중, 010-****-8888로 재연락',
    );
    // The note typed into a status change is masked in the history detail too, not only in its summary.
    expect(detail.history[4].detail.note).toBe('부재중, 010-****-8888로 재연락');
    // Ids left out: a random UUID holds '7777' now and then.
    expect(
      JSON.stringify(detail.history).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        '',
      ),
    ).not.toContain('7777');
    expect(detail.history.at(-1).at).toBe('2026-11-25T01:01:00.000Z');

    const updates = live.filter((e) => e.type === 'transfer.updated' && e.data.transferId === filed.id);
    await waitForEvent(
      (e) => e.type === 'transfer.updated' && e.data.transferId === filed.id && e.data.status === 'closed',
    );
    expect(updates.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps 연락불가 retry times inside business hours, with a default when none is given', async () => {
    const fileAndStart = async () => {
      const filed = (
        await inject(agent, 'POST', '/api/v1/transfers', {
          inquiryType: 1,
          phone: '010-1234-5678',
          inquiry: '재시도',
        })
      ).json();
      const url = `/api/v1/transfers/${filed.id}/status`;
      expect((await inject(park, 'POST', url, { status: 'in-progress' })).statusCode).toBe(200);
      return url;
    };
    // Asked at 17:00 on a Wednesday: two business hours later is Thursday 10:00, not 19:00.
    const before = t.ctx.now();
    t.setNow('2026-11-25T17:00:00+09:00');
    const byDefault = await inject(park, 'POST', await fileAndStart(), { status: 'unreachable' });
    expect(byDefault.statusCode, byDefault.body).toBe(200);
    expect(byDefault.json().retryAt).toBe(new Date('2026-11-26T10:00:00+09:00').toISOString());
    // A time after hours moves to the next opening.
    const evening = await inject(park, 'POST', await fileAndStart(), {
      status: 'unreachable',
      retryAt: '2026-11-25T20:00:00+09:00',
    });
    expect(evening.json().retryAt).toBe(new Date('2026-11-26T09:00:00+09:00').toISOString());
    t.setNow(before);
  });

  it('reassigns with history and notifies; comments with @mentions notify the people mentioned', async () => {
    const filed = (
      await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        phone: '010-1234-5678',
        inquiry: '담당 변경',
      })
    ).json();
    const assignUrl = `/api/v1/transfers/${filed.id}/assign`;
    const toAgent = await inject(kim, 'POST', assignUrl, { assigneeId: agent.id });
    expect(toAgent.statusCode).toBe(400);
    const moved = await inject(kim, 'POST', assignUrl, { assigneeId: park.id });
    expect(moved.json().assignee).toMatchObject({ id: park.id });
    const taken = await inject(lee, 'POST', assignUrl, { assigneeId: 'me' });
    expect(taken.json().assignee).toMatchObject({ id: lee.id });

    const parkName = (await inject(admin, 'GET', '/api/v1/transfer-settings'))
      .json()
      .candidates.find((c: { id: string }) => c.id === park.id).name;
    const comment = await inject(lee, 'POST', `/api/v1/transfers/${filed.id}/comments`, {
      body: `@${parkName}님 고객이 010-5555-6666 로 연락 요청했습니다`,
    });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json()).toMatchObject({
      author: { id: lee.id },
      mentions: [{ id: park.id, name: parkName }],
      body: `@${parkName}님 고객이 010-****-6666 로 연락 요청했습니다`,
    });
    const agentComment = await inject(agent, 'POST', `/api/v1/transfers/${filed.id}/comments`, {
      body: '고객 재문의 있었음',
    });
    expect(agentComment.statusCode).toBe(201);
    expect(
      (await inject(otherAgent, 'POST', `/api/v1/transfers/${filed.id}/comments`, { body: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await inject(lee, 'POST', `/api/v1/transfers/${filed.id}/comments`, { body: '  ' })).statusCode,
    ).toBe(400);

    const detail = (await inject(kim, 'GET', `/api/v1/transfers/${filed.id}`)).json();
    expect(detail.comments).toHaveLength(2);
    const summaries: string[] = detail.history.map((h: { summary: string }) => h.summary);
    expect(summaries.filter((line) => line.endsWith(`→ ${parkName}`))).toHaveLength(1);
    expect(summaries.some((line) => line.endsWith('가져감'))).toBe(true);

    const parkMail = (await readOutbox(t.ctx)).filter((mail) => mail.toAddress === park.email);
    expect(parkMail.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('담당 배정'), expect.stringContaining('언급')]),
    );
    // Park's list lost it when lee took it: park is told who has it now.
    const leeName = (await inject(admin, 'GET', '/api/v1/transfer-settings'))
      .json()
      .candidates.find((c: { id: string }) => c.id === lee.id).name;
    const handedOn = parkMail.find((mail) =>
      mail.subject.startsWith(`[이음] 이관 ${filed.number} 담당 변경 — `),
    );
    expect(handedOn?.text).toContain(
      `이관 ${filed.number} 건의 담당자가 ${leeName}님으로 바뀌었습니다 (${leeName})`,
    );
    // Nobody is e-mailed about a change they made themselves (lee took it).
    const leeMail = (await readOutbox(t.ctx)).filter((mail) => mail.toAddress === lee.email);
    expect(leeMail.some((m) => m.subject.includes(filed.number))).toBe(false);
  });

  it('shows transfer events to the business team and to the agent who filed, no one else', async () => {
    const event = live.find((e) => e.type === 'transfer.filed');
    if (!event) throw new Error('no transfer event');
    const as = (id: string, role: 'agent' | 'backoffice' | 'supervisor' | 'admin') => ({
      id,
      email: 'x@ieum.test',
      name: 'x',
      role,
    });
    expect(canSeeEvent(as(kim.id, 'backoffice'), event)).toBe(true);
    expect(canSeeEvent(as(supervisor.id, 'supervisor'), event)).toBe(true);
    expect(canSeeEvent(as(agent.id, 'agent'), event)).toBe(true);
    expect(canSeeEvent(as(otherAgent.id, 'agent'), event)).toBe(false);
  });

  it('documents the transfer endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/transfers',
      '/api/v1/transfers/{id}',
      '/api/v1/transfers/{id}/status',
      '/api/v1/transfers/{id}/assign',
      '/api/v1/transfers/{id}/comments',
      '/api/v1/transfer-settings',
      '/api/v1/webhooks',
      '/api/v1/webhook-deliveries',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.Transfer).toBeDefined();
  });

  describe('webhooks', () => {
    let receiver: TestWebhookReceiver;
    let secret: string;
    let subscriptionId: string;
    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await receiver?.stop().catch(() => {});
    });

    const deliveriesOf = (type?: string) =>
      receiver.received.filter((r) => type === undefined || r.headers['x-ieum-event'] === type);

    it('lets only admins subscribe, shows the secret once', async () => {
      const body = { url: receiver.url, eventTypes: ['*'], description: 'Agit 미러' };
      expect((await inject(kim, 'POST', '/api/v1/webhooks', body)).statusCode).toBe(403);
      const bad = await inject(admin, 'POST', '/api/v1/webhooks', { ...body, url: 'ftp://x' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].where).toBe('body/url');
      const created = await inject(admin, 'POST', '/api/v1/webhooks', body);
      expect(created.statusCode, created.body).toBe(201);
      secret = created.json().secret;
      subscriptionId = created.json().id;
      expect(secret).toMatch(/^whsec_/);
      const listed = (await inject(admin, 'GET', '/api/v1/webhooks')).json().items;
      expect(listed[0].secret).toBeUndefined();
      expect(listed[0].secretHint).toBe(`…${secret.slice(-4)}`);
    });

    it('delivers each event once, signed, with event and delivery headers; contact data masked', async () => {
      const filed = (
        await inject(agent, 'POST', '/api/v1/transfers', {
          inquiryType: 1,
          contactName: '홍길동',
          phone: '010-1234-5678',
          inquiry: '웹훅',
        })
      ).json();
      await t.runJobs();
      await t.runJobs();
      const got = deliveriesOf('transfer.filed');
      expect(got).toHaveLength(1);
      const [hook] = got;
      if (!hook) throw new Error('no webhook');
      expect(verifyWebhookSignature(secret, hook.body, String(hook.headers['x-ieum-signature']))).toBe(true);
      expect(
        verifyWebhookSignature(
          'wrong-secret-wrong-secret',
          hook.body,
          String(hook.headers['x-ieum-signature']),
        ),
      ).toBe(false);
      // The timestamped signature (QA-8 M1): the attempt's time, signed with the body, so a
      // receiver refusing stale timestamps cannot be fed the same delivery again later.
      const timestamp = String(hook.headers['x-ieum-timestamp']);
      expect(Number(timestamp)).toBe(Math.floor(t.ctx.now().getTime() / 1000));
      const v2 = { timestamp, signature: String(hook.headers['x-ieum-signature-v2']) };
      expect(verifyTimestampedWebhookSignature(secret, hook.body, v2, t.ctx.now())).toBe(true);
      const later = new Date(t.ctx.now().getTime() + 10 * 60_000);
      expect(verifyTimestampedWebhookSignature(secret, hook.body, v2, later)).toBe(false);
      expect(
        verifyTimestampedWebhookSignature(
          secret,
          hook.body,
          { ...v2, timestamp: String(Number(timestamp) + 1) },
          t.ctx.now(),
        ),
      ).toBe(false);
      const payload = JSON.parse(hook.body);
      expect(payload).toMatchObject({
        id: hook.headers['x-ieum-delivery'],
        type: 'transfer.filed',
        data: {
          transfer: { id: filed.id, number: filed.number, contactName: '홍*동', phone: '010-****-5678' },
        },
      });
      const log = (
        await inject(admin, 'GET', `/api/v1/webhook-deliveries?subscriptionId=${subscriptionId}`)
      ).json();
      expect(log.items[0]).toMatchObject({
        status: 'delivered',
        attempts: 1,
        responseCode: 204,
        lastError: null,
      });
    });

    it("answers a write in the caller's language, while the webhook payload keeps the guide's Korean", async () => {
      const english = { ...agent.headers, 'accept-language': 'en' };
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/transfers',
        headers: english,
        payload: { inquiryType: 1, phone: '010-1234-5678', inquiry: 'English caller' },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      expect(filed.headers['content-language']).toBe('en');
      expect(filed.json()).toMatchObject({ status: 'received', statusLabel: 'Received' });
      const moved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/transfers/${filed.json().id}/status`,
        headers: { ...kim.headers, 'accept-language': 'en' },
        payload: { status: 'in-progress' },
      });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ status: 'in-progress', statusLabel: 'In progress' });
      // Without a language asked for, Korean as before.
      const korean = await inject(kim, 'POST', `/api/v1/transfers/${filed.json().id}/assign`, {
        assigneeId: 'me',
      });
      expect(korean.json()).toMatchObject({ statusLabel: '처리중' });

      await t.runJobs();
      await t.runJobs();
      const payloads = deliveriesOf('transfer.filed')
        .map((delivery) => JSON.parse(delivery.body))
        .filter((payload) => payload.data.transfer.id === filed.json().id);
      expect(payloads).toHaveLength(1);
      expect(payloads[0].data.transfer).toMatchObject({ status: 'received', statusLabel: '접수' });
    });

    it('retries while the receiver is down: after it returns every event arrives once, none lost', async () => {
      await receiver.stop();
      const before = receiver.received.length;
      const numbers: string[] = [];
      for (let i = 0; i < 3; i++) {
        const filed = (
          await inject(agent, 'POST', '/api/v1/transfers', {
            inquiryType: 1,
            phone: '010-1234-5678',
            inquiry: `장애 ${i}`,
          })
        ).json();
        numbers.push(filed.number);
        await inject(kim, 'POST', `/api/v1/transfers/${filed.id}/status`, { status: 'in-progress' });
      }
      await t.runJobs();
      const deliveredBefore = new Set(receiver.received.map((r) => String(r.headers['x-ieum-delivery'])));
      const newDeliveries = async () =>
        (await inject(admin, 'GET', `/api/v1/webhook-deliveries?subscriptionId=${subscriptionId}`))
          .json()
          .items.filter((d: { id: string }) => !deliveredBefore.has(d.id));
      const failing = await newDeliveries();
      expect(failing).toHaveLength(6);
      for (const delivery of failing) {
        expect(delivery).toMatchObject({ status: 'pending', attempts: 1, responseCode: null });
        expect(delivery.lastError).toMatch(/fetch failed|ECONNREFUSED|TypeError/);
      }
      // Still down at the second attempt.
      t.advance(1_500);
      await t.runJobs();
      expect((await newDeliveries()).every((d: { attempts: number }) => d.attempts === 2)).toBe(true);

      await receiver.restart();
      t.advance(5_000);
      await t.runJobs();
      await t.runJobs();
      const arrived = receiver.received.slice(before);
      expect(arrived).toHaveLength(6);
      const ids = arrived.map((r) => String(r.headers['x-ieum-delivery']));
      expect(new Set(ids).size).toBe(6);
      for (const hook of arrived) {
        expect(verifyWebhookSignature(secret, hook.body, String(hook.headers['x-ieum-signature']))).toBe(
          true,
        );
      }
      const filedNumbers = arrived
        .filter((r) => r.headers['x-ieum-event'] === 'transfer.filed')
        .map((r) => JSON.parse(r.body).data.transfer.number)
        .sort();
      expect(filedNumbers).toEqual([...numbers].sort());
      const log = await newDeliveries();
      expect(log).toHaveLength(6);
      expect(
        log.every((d: { status: string; attempts: number }) => d.status === 'delivered' && d.attempts === 3),
      ).toBe(true);
      // Nothing more to send: running jobs again delivers nothing twice.
      t.advance(60_000);
      await t.runJobs();
      expect(receiver.received.length - before).toBe(6);
    });

    it('gives up at once when the receiver refuses with a 4xx, and stops sending to inactive subscriptions', async () => {
      receiver.respondWith(410);
      await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        phone: '010-1234-5678',
        inquiry: 'gone',
      });
      await t.runJobs();
      const failed = (await inject(admin, 'GET', '/api/v1/webhook-deliveries'))
        .json()
        .items.filter((d: { status: string }) => d.status === 'failed');
      expect(failed).toEqual([expect.objectContaining({ status: 'failed', responseCode: 410, attempts: 1 })]);
      receiver.respondWith(204);
      const off = await inject(admin, 'PATCH', `/api/v1/webhooks/${subscriptionId}`, { active: false });
      expect(off.json().active).toBe(false);
      const count = receiver.received.length;
      await inject(agent, 'POST', '/api/v1/transfers', {
        inquiryType: 1,
        phone: '010-1234-5678',
        inquiry: 'off',
      });
      await t.runJobs();
      expect(receiver.received.length).toBe(count);
      expect((await inject(admin, 'DELETE', `/api/v1/webhooks/${subscriptionId}`)).statusCode).toBe(204);
    });
  });
});
