import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contract/users/roleSchema.ts';
import { canSeeEvent } from '../../src/server/events/canSeeEvent.ts';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import { startConsultation } from '../../src/server/services/consultations/startConsultation.ts';
import { ensureKakaoBotUser } from '../../src/server/services/kakao/ensureKakaoBotUser.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { declinedSignUpBody } from '../helpers/declinedSignUpBody.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

const as = (id: string, role: Role) => ({ id, role, email: `${id}@ieum.test`, name: role });

describe.each(testBackends())('the live floor on $name', (backend) => {
  let t: TestApp;
  let agent: User;
  let otherAgent: User;
  let backoffice: User;
  let supervisor: User;
  const live: LiveEvent[] = [];

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
    otherAgent = await t.userWithToken('agent');
    backoffice = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
    t.ctx.events.subscribe((event) => live.push(event));
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (
    user: User,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
    headers = {},
  ) =>
    t.app.inject({ method, url, headers: { ...user.headers, ...headers }, ...(payload ? { payload } : {}) });

  async function floor() {
    const response = await inject(supervisor, 'GET', '/api/v1/reports/floor');
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const figure = (body: { figures: Array<{ id: string; value: number | null }> }, id: string) =>
    body.figures.find((candidate) => candidate.id === id)?.value;

  async function waitForEvent(predicate: (event: LiveEvent) => boolean): Promise<LiveEvent> {
    for (let i = 0; i < 100; i++) {
      const found = live.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('event did not arrive');
  }

  let filed = 0;
  async function fileTransfer(inquiryType: number): Promise<{ id: string; number: string; dueAt: string }> {
    filed += 1;
    const response = await inject(
      agent,
      'POST',
      '/api/v1/transfers',
      {
        inquiryType,
        companyName: '이음상사',
        contactName: '홍길동',
        phone: '010-1234-5678',
        inquiry: '정산 문의',
      },
      { 'idempotency-key': `floor-${backend.name}-${filed}` },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  async function moveTo(transferId: string, status: string) {
    const response = await inject(backoffice, 'POST', `/api/v1/transfers/${transferId}/status`, { status });
    expect(response.statusCode, response.body).toBe(200);
  }

  it('is for supervisors and admins only', async () => {
    expect((await inject(agent, 'GET', '/api/v1/reports/floor')).statusCode).toBe(403);
    expect((await inject(backoffice, 'GET', '/api/v1/reports/floor')).statusCode).toBe(403);
    const body = await floor();
    expect(body.timeZone).toBe('Asia/Seoul');
    expect(body.figures.map((f: { id: string }) => f.id)).toEqual([
      'floor.agentsOnCall',
      'floor.openTransfers',
      'floor.oldestWaitingMinutes',
      'floor.slaBreachesToday',
      'floor.chatsWaiting',
      'floor.oldestChatWaitingMinutes',
    ]);
    for (const item of body.figures) expect(item.definition).toMatch(/[가-힣]/);
  });

  it('counts agents with a consultation in progress, not the chatbot, and tells supervisors when it changes', async () => {
    t.setNow('2026-11-25T10:00:00+09:00');
    const start = async (user: User) => {
      const response = await inject(user, 'POST', '/api/v1/consultations', { channel: 'call' });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const first = await start(agent);
    t.advance(60_000);
    const second = await start(agent);
    await start(otherAgent);
    const bot = await ensureKakaoBotUser(t.ctx);
    await startConsultation(t.ctx, bot, { channel: 'chat' });

    let body = await floor();
    expect(figure(body, 'floor.agentsOnCall')).toBe(2);
    const mine = body.agentsOnCall.find((entry: { agent: { id: string } }) => entry.agent.id === agent.id);
    expect(mine).toMatchObject({ consultationId: second, channel: 'call', openConsultations: 2 });
    expect(mine.startedAt).toBe('2026-11-25T10:01:00+09:00');
    // When the agent last worked on any of their open calls: the later start, until a draft save
    // on the earlier call 20 minutes on moves it — a supervisor sees a call left idle for what it is.
    expect(mine.lastActivityAt).toBe('2026-11-25T10:01:00+09:00');
    t.advance(20 * 60_000);
    const saved = await inject(agent, 'PUT', `/api/v1/consultations/${first}/draft`, {
      revision: 1,
      draft: { scriptId: null, inquiryType: null, history: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    body = await floor();
    expect(
      body.agentsOnCall.find((entry: { agent: { id: string } }) => entry.agent.id === agent.id)
        ?.lastActivityAt,
    ).toBe('2026-11-25T10:21:00+09:00');
    expect(body.agentsOnCall.some((entry: { agent: { id: string } }) => entry.agent.id === bot.id)).toBe(
      false,
    );

    const started = await waitForEvent(
      (event) => event.type === 'consultation.started' && event.data.consultationId === first,
    );
    expect(started.data).toEqual({ consultationId: first, agentId: agent.id, channel: 'call' });
    expect(canSeeEvent(as(supervisor.id, 'supervisor'), started)).toBe(true);
    expect(canSeeEvent(as(agent.id, 'agent'), started)).toBe(true);
    expect(canSeeEvent(as(otherAgent.id, 'agent'), started)).toBe(false);
    expect(canSeeEvent(as(backoffice.id, 'backoffice'), started)).toBe(false);

    for (const id of [first, second]) {
      const saved = await inject(agent, 'POST', `/api/v1/consultations/${id}/complete`, declinedSignUpBody);
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const completed = await waitForEvent(
      (event) => event.type === 'consultation.completed' && event.data.consultationId === second,
    );
    expect(canSeeEvent(as(supervisor.id, 'supervisor'), completed)).toBe(true);
    body = await floor();
    expect(figure(body, 'floor.agentsOnCall')).toBe(1);
    expect(body.agentsOnCall.map((entry: { agent: { id: string } }) => entry.agent.id)).toEqual([
      otherAgent.id,
    ]);

    // An agent whose account is disabled mid-call is on no call any more: the call they left open
    // waits to be abandoned, and the floor does not count them meanwhile.
    const leaving = await t.userWithToken('agent');
    await start(leaving);
    expect(figure(await floor(), 'floor.agentsOnCall')).toBe(2);
    const admin = await t.userWithToken('admin');
    const disabled = await inject(admin, 'PATCH', `/api/v1/users/${leaving.id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    // Supervisors' floors hear of it and read again (ids only; agents are not told).
    const accessChanged = await waitForEvent(
      (event) => event.type === 'user.access-changed' && event.data.userId === leaving.id,
    );
    expect(accessChanged.data).toEqual({ userId: leaving.id, disabled: true });
    expect(canSeeEvent(as(supervisor.id, 'supervisor'), accessChanged)).toBe(true);
    expect(canSeeEvent(as(agent.id, 'agent'), accessChanged)).toBe(false);
    body = await floor();
    expect(figure(body, 'floor.agentsOnCall')).toBe(1);
    expect(body.agentsOnCall.some((entry: { agent: { id: string } }) => entry.agent.id === leaving.id)).toBe(
      false,
    );
  });

  it('counts waiting transfers by type and business-time age, the oldest, and SLA breaches due today', async () => {
    // Default SLA: the next business day 12:00.
    t.setNow('2026-11-19T10:00:00+09:00'); // Thursday
    const thursday = await fileTransfer(1);
    t.setNow('2026-11-20T17:50:00+09:00'); // Friday, 10 minutes before closing
    const friday = await fileTransfer(1);
    expect(friday.dueAt).toBe('2026-11-23T03:00:00.000Z');
    t.setNow('2026-11-23T09:00:00+09:00'); // Monday opening
    const monday = await fileTransfer(2);

    t.setNow('2026-11-23T09:10:00+09:00');
    let body = await floor();
    expect(body.businessHoursOpen).toBe(true);
    expect(figure(body, 'floor.openTransfers')).toBe(3);
    // Thursday 10:00 → Monday 09:10: 480 + 540 + 10 business minutes.
    expect(figure(body, 'floor.oldestWaitingMinutes')).toBe(1030);
    expect(body.oldestWaiting).toMatchObject({
      transferId: thursday.id,
      number: thursday.number,
      status: 'received',
      statusLabel: '접수',
      waitingBusinessMinutes: 1030,
      createdAt: '2026-11-19T10:00:00+09:00',
    });
    const english = await t.app.inject({
      url: '/api/v1/reports/floor',
      headers: { ...supervisor.headers, 'accept-language': 'en' },
    });
    expect(english.json().oldestWaiting.statusLabel).toBe('Received');
    expect(body.ageBuckets).toEqual([
      { bucket: 'under-4h', label: '4시간 미만', count: 2 },
      { bucket: '4h-1d', label: '4시간–1영업일', count: 0 },
      { bucket: '1d-3d', label: '1–3영업일', count: 1 },
      { bucket: 'over-3d', label: '3영업일 이상', count: 0 },
    ]);
    const type1 = body.openTransfersByType.find((entry: { inquiryType: number }) => entry.inquiryType === 1);
    expect(type1).toMatchObject({ guideId: 'business-inquiry', count: 2 });
    expect(type1.inquiryTypeLabel).toBe(t.ctx.guides.get('business-inquiry')?.inquiryTypes[0]?.label);
    expect(type1.byAge).toEqual([
      { bucket: 'under-4h', count: 1 },
      { bucket: '4h-1d', count: 0 },
      { bucket: '1d-3d', count: 1 },
      { bucket: 'over-3d', count: 0 },
    ]);
    // Thursday's transfer was due Friday 12:00: a breach, but not today's.
    expect(figure(body, 'floor.slaBreachesToday')).toBe(0);

    // Monday 12:30: Friday's transfer passed its due time (Monday 12:00) without a contact.
    t.setNow('2026-11-23T12:30:00+09:00');
    await moveTo(monday.id, 'in-progress');
    await moveTo(monday.id, 'contacted');
    body = await floor();
    expect(figure(body, 'floor.openTransfers')).toBe(2);
    expect(figure(body, 'floor.slaBreachesToday')).toBe(1);
    expect(body.slaBreachesToday).toHaveLength(1);
    expect(body.slaBreachesToday[0]).toMatchObject({
      transferId: friday.id,
      dueAt: '2026-11-23T12:00:00+09:00',
      waitingBusinessMinutes: 10 + 210,
    });
    // A contact after the due time does not undo the breach; it leaves the waiting count.
    await moveTo(friday.id, 'in-progress');
    await moveTo(friday.id, 'contacted');
    body = await floor();
    expect(figure(body, 'floor.openTransfers')).toBe(1);
    expect(figure(body, 'floor.slaBreachesToday')).toBe(1);
    // Nothing personal on the floor.
    expect(JSON.stringify(body)).not.toMatch(/홍길동|010-1234-5678/);

    // The next day nothing breached yet; the last waiting transfer is the oldest.
    t.setNow('2026-11-24T09:30:00+09:00');
    body = await floor();
    expect(figure(body, 'floor.slaBreachesToday')).toBe(0);
    expect(body.oldestWaiting.transferId).toBe(thursday.id);
    expect(body.ageBuckets.find((bucket: { bucket: string }) => bucket.bucket === '1d-3d').count).toBe(1);
  });
});
