import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries } from '../../src/server/db/transferSchema.ts';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLeadInProcess } from '../helpers/fileSignUpLeadInProcess.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type Transfer = {
  id: string;
  number: string;
  status: string;
  dueAt: string;
  retryAt: string | null;
  sla: { state: string; businessMinutesLeft: number | null };
};
type Lead = { id: string; transferId: string; callback: { dueAt: string | null; state: string } };
type Figures = { figures: Array<{ id: string; value: number | null }> };

// Instants as the API answers them.
const MON_12 = '2026-12-28T03:00:00.000Z';
const TUE_12 = '2026-12-29T03:00:00.000Z';
// A lead filed Thursday 17:40: 20 business minutes on Thursday, 100 on the next business day
// (Friday 12-25 is 기독탄신일).
const MON_10_40 = '2026-12-28T01:40:00.000Z';
const TUE_10_40 = '2026-12-29T01:40:00.000Z';
const MON_09 = '2026-12-28T00:00:00.000Z';
const TUE_09 = '2026-12-29T00:00:00.000Z';

/**
 * QA-10 H1: a company closure added after transfers, lead callbacks, 연락불가 retries and missed
 * calls' callbacks were set moves the open ones past the closed day, in its own transaction, at the
 * same rule; removing it brings them back. Contacted work keeps its times. The test clock follows
 * the QA report's reproduction (Thursday 2026-12-24 17:40, closure on Monday 12-28).
 */
describe.each(testBackends())('a closure re-times the open work due on its day, on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let team: User;
  let supervisor: User;
  let ctiToken: string;
  const live: LiveEvent[] = [];
  const filed: Transfer[] = [];
  let contacted: Transfer;
  let unreachable: Transfer;
  let leads: Lead[] = [];
  let closureId: string;

  const inject = async (
    user: User,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  const fileTransfer = async (inquiryType = 1): Promise<Transfer> => {
    const response = await inject(agent, 'POST', '/api/v1/transfers', {
      inquiryType,
      channel: 'call',
      companyName: '이음상사',
      contactName: '홍길동',
      phone: '010-2468-1357',
      inquiry: '월 정산 내역 확인 요청',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const move = async (id: string, status: string, retryAt?: string) => {
    const response = await inject(team, 'POST', `/api/v1/transfers/${id}/status`, {
      status,
      ...(retryAt ? { retryAt } : {}),
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const transfer = async (id: string, language = 'ko') =>
    (
      await t.app.inject({
        url: `/api/v1/transfers/${id}`,
        headers: { ...team.headers, 'accept-language': language },
      })
    ).json();
  const lead = async (id: string): Promise<Lead> => (await inject(team, 'GET', `/api/v1/leads/${id}`)).json();
  const missedCallDue = async (): Promise<string> => {
    const list = await inject(team, 'GET', '/api/v1/cti/missed-calls');
    expect(list.statusCode, list.body).toBe(200);
    return list.json().items[0].callbackDueAt;
  };
  const addClosure = async (date: string, name: string) => {
    const added = await inject(admin, 'POST', '/api/v1/closures', { date, name });
    expect(added.statusCode, added.body).toBe(201);
    return added.json();
  };
  const removeClosure = async (id: string) => {
    const removed = await inject(admin, 'DELETE', `/api/v1/closures/${id}`);
    expect(removed.statusCode, removed.body).toBe(204);
  };
  const figure = (body: Figures, id: string) => body.figures.find((candidate) => candidate.id === id)?.value;

  beforeAll(async () => {
    // The board the webhook test mirrors transfers to listens on loopback.
    t = await buildTestApp(backend, { IEUM_WEBHOOK_ALLOW_PRIVATE: 'true' });
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
    team = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
    t.ctx.events.subscribe((event) => live.push(event));
    const token = await inject(admin, 'POST', '/api/v1/cti/tokens', { name: '본사 PBX' });
    expect(token.statusCode, token.body).toBe(201);
    ctiToken = token.json().token;

    t.setNow('2026-12-24T17:40:00+09:00');
    for (let i = 0; i < 2; i++) filed.push(await fileTransfer());
    contacted = await fileTransfer();
    unreachable = await fileTransfer();
    leads = [
      await fileSignUpLeadInProcess<Lead>(t.app, agent.headers, '누리테크'),
      await fileSignUpLeadInProcess<Lead>(t.app, agent.headers, '가온상사'),
    ];
    t.setNow('2026-12-24T17:50:00+09:00');
    // Reached before it was due: its SLA was met, its due time is history.
    await move(contacted.id, 'in-progress');
    await move(contacted.id, 'contacted');
    // Not reached: the team will try again Monday 14:00 (a time a person chose).
    await move(unreachable.id, 'in-progress');
    await move(unreachable.id, 'unreachable', '2026-12-28T14:00:00+09:00');
    // A call nobody answered after hours: called back at the next opening.
    t.setNow('2026-12-24T19:00:00+09:00');
    const missed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/${ctiToken}`,
      payload: {
        event: 'hangup',
        from: '01020201111',
        to: '16447391',
        direction: 'in',
        callId: 'm-1',
        cause: 'noAnswer',
      },
    });
    expect(missed.statusCode, missed.body).toBe(200);
    // Everything falls due on Monday (Friday is 기독탄신일), as the QA report found it.
    for (const item of [...filed, contacted, unreachable]) expect(item.dueAt).toBe(MON_12);
    for (const item of leads) expect(item.callback.dueAt).toBe(MON_10_40);
    expect(await missedCallDue()).toBe(MON_09);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('moves the open items past a closure added on Monday, in the answer, the lists, the history and live', async () => {
    t.setNow('2026-12-24T20:00:00+09:00');
    live.length = 0;
    const added = await addClosure('2026-12-28', '창립기념일');
    closureId = added.id;
    // Two transfers, the 연락불가 one and the two leads' transfers; its retry; two callbacks; the call.
    expect(added).toMatchObject({
      alreadyClosed: null,
      retimed: { transfers: 5, retries: 1, leadCallbacks: 2, missedCallbacks: 1 },
    });

    for (const item of filed) {
      const detail = await transfer(item.id);
      expect(detail).toMatchObject({ dueAt: TUE_12, sla: { state: 'running' } });
      expect(detail.history.at(-1)).toMatchObject({
        action: 'due-changed',
        actor: { id: admin.id },
        detail: {
          fromDueAt: MON_12,
          toDueAt: TUE_12,
          closure: { change: 'added', date: '2026-12-28', name: '창립기념일' },
        },
        summary: '기한 변경: 12월 28일 (월) 12:00 → 12월 29일 (화) 12:00 · 창립기념일 추가',
      });
      const english = await transfer(item.id, 'en');
      expect(english.history.at(-1).summary).toBe(
        'Due time changed: Mon, Dec 28, 12:00 → Tue, Dec 29, 12:00 · closure 창립기념일 added',
      );
    }
    for (const item of leads) {
      expect((await transfer(item.transferId)).dueAt).toBe(TUE_12);
      expect((await lead(item.id)).callback.dueAt).toBe(TUE_10_40);
    }
    // The retry time a person chose skips the day at the same hour; its due time moves as the others.
    const retried = await transfer(unreachable.id);
    expect(retried).toMatchObject({ dueAt: TUE_12, retryAt: '2026-12-29T05:00:00.000Z' });
    expect(retried.history.at(-1).summary).toBe(
      '기한 변경: 12월 28일 (월) 12:00 → 12월 29일 (화) 12:00 · 재시도 시각 변경: 12월 28일 (월) 14:00 → 12월 29일 (화) 14:00 · 창립기념일 추가',
    );
    // Contacted before the closure: its due time is history and stays.
    const kept = await transfer(contacted.id);
    expect(kept.dueAt).toBe(MON_12);
    expect(kept.history.map((entry: { action: string }) => entry.action)).not.toContain('due-changed');
    expect(await missedCallDue()).toBe(TUE_09);

    // Open screens hear of each moved transfer and lead, and of the closure.
    await expect
      .poll(
        () =>
          live.filter(
            (e) =>
              e.type === 'transfer.updated' &&
              e.data.change &&
              (e.data.change as { action?: string }).action === 'due-changed',
          ).length,
      )
      .toBe(5);
    expect(
      live
        .filter((e) => e.type === 'lead.updated')
        .map((e) => e.data.leadId)
        .sort(),
    ).toEqual(leads.map((item) => item.id).sort());
    expect(live.find((e) => e.type === 'closure.changed')?.data).toMatchObject({ date: '2026-12-28' });
  });

  it('brings the due times back when the closure is removed (a time a person chose stays on its next day)', async () => {
    await removeClosure(closureId);
    for (const item of filed) {
      const detail = await transfer(item.id);
      expect(detail.dueAt).toBe(MON_12);
      expect(detail.history.at(-1).summary).toBe(
        '기한 변경: 12월 29일 (화) 12:00 → 12월 28일 (월) 12:00 · 창립기념일 취소',
      );
    }
    for (const item of leads) expect((await lead(item.id)).callback.dueAt).toBe(MON_10_40);
    expect(await missedCallDue()).toBe(MON_09);
    expect(await transfer(unreachable.id)).toMatchObject({
      dueAt: MON_12,
      retryAt: '2026-12-29T05:00:00.000Z',
    });
    expect((await transfer(contacted.id)).dueAt).toBe(MON_12);
    closureId = (await addClosure('2026-12-28', '창립기념일')).id;
  });

  it('leaves nothing due, overdue or breached on the closed day, nor late the day after', async () => {
    t.setNow('2026-12-28T12:05:00+09:00');
    const hours = (await inject(agent, 'GET', '/api/v1/business-hours')).json();
    expect(hours).toMatchObject({ open: false, reason: 'closure', holiday: '창립기념일' });
    const overdue = await inject(team, 'GET', '/api/v1/transfers?overdue=true&limit=50');
    expect(overdue.json().items).toEqual([]);
    const floor = await inject(supervisor, 'GET', '/api/v1/reports/floor');
    expect(floor.statusCode, floor.body).toBe(200);
    expect(figure(floor.json(), 'floor.slaBreachesToday')).toBe(0);
    const monday = await inject(supervisor, 'GET', '/api/v1/reports/summary?from=2026-12-28&to=2026-12-28');
    expect(figure(monday.json(), 'callbacks.due')).toBe(0);
    expect(figure(monday.json(), 'missedCallbacks.due')).toBe(0);

    t.setNow('2026-12-29T09:05:00+09:00');
    const first = await transfer(filed[0]?.id ?? '');
    expect(first.sla).toMatchObject({ state: 'running', businessMinutesLeft: 175 });
    const summary = await inject(supervisor, 'GET', '/api/v1/reports/summary?from=2026-12-20&to=2026-12-31');
    expect(summary.statusCode, summary.body).toBe(200);
    expect(figure(summary.json(), 'transfer.slaBreaches')).toBe(0);
    const tuesday = await inject(supervisor, 'GET', '/api/v1/reports/summary?from=2026-12-29&to=2026-12-29');
    expect(figure(tuesday.json(), 'callbacks.due')).toBe(2);

    // The callback reminders come at the new time, not on the closed day.
    const reminders = () =>
      live.filter((e) => e.type === 'lead.callback-due').map((e) => [e.data.leadId, e.data.dueAt]);
    t.setNow('2026-12-28T12:05:00+09:00');
    await t.runJobs();
    t.setNow('2026-12-29T10:30:00+09:00');
    await t.runJobs();
    expect(reminders()).toEqual([]);
    t.setNow('2026-12-29T10:45:00+09:00');
    await t.runJobs();
    await expect.poll(() => reminders().length).toBe(2);
    expect(reminders().sort()).toEqual(leads.map((item) => [item.id, TUE_10_40]).sort());
  });

  it('recounts a business-minutes SLA without the closed day, and keeps a transfer filed under an earlier rule at its hour', async () => {
    // Tuesday 09:30, type 4 still on the default rule: due Wednesday 12:00.
    t.setNow('2026-12-29T09:30:00+09:00');
    const earlier = await fileTransfer(4);
    expect(earlier.dueAt).toBe('2026-12-30T03:00:00.000Z');
    t.setNow('2026-12-29T10:00:00+09:00');
    const saved = await inject(admin, 'PUT', '/api/v1/transfer-settings', {
      types: [{ inquiryType: 4, sla: { kind: 'business-minutes', minutes: 600 }, assignees: [] }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // 480 minutes on Tuesday, 120 on Wednesday.
    const counted = await fileTransfer(4);
    expect(counted.dueAt).toBe('2026-12-30T02:00:00.000Z');

    // A board mirroring transfers hears of the move too (webhooks carry the transfer as presented).
    const hook = await inject(admin, 'POST', '/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/board',
      eventTypes: ['transfer.updated'],
    });
    expect(hook.statusCode, hook.body).toBe(201);
    const added = await addClosure('2026-12-30', '임시 휴무');
    expect(added.retimed).toMatchObject({ transfers: 2 });
    const deliveries = await t.ctx.database.db
      .select({ eventType: webhookDeliveries.eventType, body: webhookDeliveries.body })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.subscriptionId, hook.json().id));
    expect(deliveries).toHaveLength(2);
    const payloads = deliveries.map((delivery) => {
      const opened = t.ctx.fieldCodec.openText(delivery.body);
      if (!opened.readable) throw new Error('a webhook body that does not open');
      return JSON.parse(opened.value);
    });
    expect(payloads.map((payload) => payload.data.transfer.id).sort()).toEqual(
      [counted.id, earlier.id].sort(),
    );
    const recountedPayload = payloads.find((payload) => payload.data.transfer.id === counted.id);
    expect(recountedPayload).toMatchObject({
      type: 'transfer.updated',
      data: {
        transfer: { dueAt: '2026-12-31T02:00:00.000Z' },
        change: { action: 'due-changed', toDueAt: '2026-12-31T02:00:00.000Z' },
        actor: { id: admin.id },
      },
    });
    // The 600 minutes counted again: Thursday 11:00.
    const recounted = await transfer(counted.id);
    expect(recounted.dueAt).toBe('2026-12-31T02:00:00.000Z');
    expect(recounted.history.at(-1).summary).toBe(
      '기한 변경: 12월 30일 (수) 11:00 → 12월 31일 (목) 11:00 · 임시 휴무 추가',
    );
    // Filed under the type's earlier rule (next business day 12:00), which the type no longer has:
    // not re-timed under the new rule, moved off the closed day at its hour.
    expect((await transfer(earlier.id)).dueAt).toBe('2026-12-31T03:00:00.000Z');
  });
});
