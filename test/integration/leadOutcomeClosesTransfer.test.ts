import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/server/events/publishEvent.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { fileSignUpLeadInProcess } from '../helpers/fileSignUpLeadInProcess.ts';
import { startWebhookReceiver, type TestWebhookReceiver } from '../helpers/startWebhookReceiver.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;
type HistoryEntry = {
  action: string;
  actor: { id: string } | null;
  detail: Record<string, unknown>;
  summary: string;
};

describe.each(testBackends())("a lead's final outcome closes its transfer on $name", (backend) => {
  let t: TestApp;
  let agent: User;
  let handler: User;
  let admin: User;
  let receiver: TestWebhookReceiver;
  const live: LiveEvent[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    // No SMTP: the brochure waits in the outbox, which changes nothing for the outcome.
    t = await buildTestApp(backend, { IEUM_WEBHOOK_ALLOW_PRIVATE: 'true' });
    agent = await t.userWithToken('agent');
    handler = await t.userWithToken('backoffice');
    admin = await t.userWithToken('admin');
    t.ctx.events.subscribe((event) => live.push(event));
    const hook = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin.headers,
      payload: { url: receiver.url, eventTypes: ['transfer.updated'], description: '리드 종결' },
    });
    expect(hook.statusCode, hook.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop().catch(() => {});
  });

  const inject = (user: User, method: 'GET' | 'POST', url: string, payload?: object, language = 'ko') =>
    t.app.inject({
      method,
      url,
      headers: { ...user.headers, 'accept-language': language },
      ...(payload ? { payload } : {}),
    });

  /** Files a sign-up lead as the console does (Q4-Y saved, then the lead); answers the lead. */
  const fileLead = (companyName: string) =>
    fileSignUpLeadInProcess<{ id: string; transferId: string; number: string }>(
      t.app,
      agent.headers,
      companyName,
    );

  const outcome = (leadId: string, body: object) =>
    inject(handler, 'POST', `/api/v1/leads/${leadId}/callback-outcome`, body);
  const transferOf = async (id: string, language = 'ko') =>
    (await inject(handler, 'GET', `/api/v1/transfers/${id}`, undefined, language)).json();
  const overdueIds = async () =>
    (await inject(handler, 'GET', '/api/v1/transfers?overdue=true&limit=200'))
      .json()
      .items.map((item: { id: string }) => item.id);

  it('가입 closes the transfer in the same request, by the same person, with a history entry saying why; it is not overdue past the SLA', async () => {
    t.setNow('2026-12-07T10:00:00+09:00'); // Monday; the transfer is due Tuesday 12:00
    const won = await fileLead('누리테크');
    const open = await fileLead('가온상사');
    const before = live.length;

    t.setNow('2026-12-07T11:00:00+09:00');
    const answer = await outcome(won.id, { outcome: 'signed-up', note: '계약 진행' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'won', closedAt: '2026-12-07T02:00:00.000Z' });

    const transfer = await transferOf(won.transferId);
    expect(transfer).toMatchObject({
      status: 'closed',
      closedAt: '2026-12-07T02:00:00.000Z',
      sla: { state: 'met' },
    });
    const last: HistoryEntry = transfer.history.at(-1);
    expect(last).toMatchObject({
      action: 'status-changed',
      actor: { id: handler.id },
      detail: { fromStatus: 'received', toStatus: 'closed', byLeadOutcome: 'signed-up' },
      summary: '접수 → 종결 · 가입 리드의 콜백 결과(가입)로 종결',
    });
    // The lead's callback note stays on the lead: the history copies no free text.
    expect(last.detail.note).toBeUndefined();
    const english: HistoryEntry = (await transferOf(won.transferId, 'en')).history.at(-1);
    expect(english.summary).toBe(
      "Received → Closed · closed by the sign-up lead's callback outcome (Signed up)",
    );

    // Announced as every status change is: live, and to the webhook subscribers.
    const announced = live
      .slice(before)
      .find((event) => event.type === 'transfer.updated' && event.data.transferId === won.transferId);
    expect(announced?.data).toMatchObject({
      status: 'closed',
      actorId: handler.id,
      change: { action: 'status-changed', toStatus: 'closed', byLeadOutcome: 'signed-up' },
    });
    await t.runJobs();
    await expect
      .poll(
        () =>
          receiver.received
            .map((delivery) => JSON.parse(delivery.body))
            .filter((body) => body.data.transfer.id === won.transferId).length,
        { timeout: 5_000 },
      )
      .toBe(1);

    // Past the SLA, the queue's overdue filter (O) lists the open lead's transfer, not the won one.
    t.setNow('2026-12-08T13:05:00+09:00');
    const overdue = await overdueIds();
    expect(overdue).toContain(open.transferId);
    expect(overdue).not.toContain(won.transferId);
  });

  it('관심 없음 and 잘못된 번호 close it from wherever the team had it; 통화 완료 marks it 연락완료 (the SLA met when the customer was reached); 부재중 leaves it', async () => {
    t.setNow('2026-12-09T10:00:00+09:00');
    const declined = await fileLead('다온기업');
    const started = await inject(handler, 'POST', `/api/v1/transfers/${declined.transferId}/status`, {
      status: 'in-progress',
    });
    expect(started.statusCode, started.body).toBe(200);
    t.setNow('2026-12-09T10:30:00+09:00');
    expect((await outcome(declined.id, { outcome: 'reached' })).json().status).toBe('called');
    const contacted = await transferOf(declined.transferId);
    expect(contacted).toMatchObject({
      status: 'contacted',
      contactedAt: '2026-12-09T01:30:00.000Z',
      sla: { state: 'met' },
    });
    expect(contacted.history.at(-1)).toMatchObject({
      actor: { id: handler.id },
      detail: { fromStatus: 'in-progress', toStatus: 'contacted', byLeadOutcome: 'reached' },
      summary: '처리중 → 연락완료 · 가입 리드의 콜백 결과(통화 완료)로 연락완료',
    });
    expect((await transferOf(declined.transferId, 'en')).history.at(-1).summary).toContain(
      "marked contacted by the sign-up lead's callback outcome (Reached)",
    );
    t.setNow('2026-12-10T10:00:00+09:00');
    expect((await outcome(declined.id, { outcome: 'not-interested' })).json().status).toBe('lost');
    const closed = await transferOf(declined.transferId);
    // Closed a day later; contacted when the customer was reached.
    expect(closed).toMatchObject({ status: 'closed', contactedAt: '2026-12-09T01:30:00.000Z' });
    expect(closed.history.at(-1)).toMatchObject({
      detail: { fromStatus: 'contacted', toStatus: 'closed', byLeadOutcome: 'not-interested' },
    });

    // Reached straight from 접수: no need to start work on the transfer first.
    const reachedAtOnce = await fileLead('한결산업');
    expect((await outcome(reachedAtOnce.id, { outcome: 'reached' })).json().status).toBe('called');
    expect((await transferOf(reachedAtOnce.transferId)).history.at(-1)).toMatchObject({
      detail: { fromStatus: 'received', toStatus: 'contacted', byLeadOutcome: 'reached' },
    });

    const wrong = await fileLead('라온물산');
    expect((await outcome(wrong.id, { outcome: 'no-answer' })).json().status).toBe('new');
    expect((await transferOf(wrong.transferId)).status).toBe('received');
    expect((await outcome(wrong.id, { outcome: 'wrong-number' })).json().status).toBe('lost');
    expect((await transferOf(wrong.transferId)).status).toBe('closed');
  });

  it("refuses 종결 of a lead's transfer while the lead is open (409, worded per language), offers none, and leaves the lead's outcome to close it", async () => {
    t.setNow('2026-12-10T10:00:00+09:00');
    const lead = await fileLead('새봄상사');
    const status = (transferId: string, body: object, language = 'ko') =>
      inject(handler, 'POST', `/api/v1/transfers/${transferId}/status`, body, language);
    for (const next of ['in-progress', 'contacted']) {
      const moved = await status(lead.transferId, { status: next });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const contacted = await transferOf(lead.transferId);
    // The drawer's buttons and keys are the server's nextStatuses: no 종결 (X) for it.
    expect(contacted.nextStatuses).toEqual(['in-progress']);
    const listed = (await inject(handler, 'GET', '/api/v1/transfers?limit=200'))
      .json()
      .items.find((item: { id: string }) => item.id === lead.transferId);
    expect(listed.nextStatuses).toEqual(['in-progress']);

    const refused = await status(lead.transferId, { status: 'closed', expectedStatus: 'contacted' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      messageKey: 'transfers.closedByLeadOutcome',
      detail: expect.stringContaining(
        '가입 리드의 이관은 리드 결과(가입, 관심 없음, 잘못된 번호)를 기록하면 종결됩니다',
      ),
      errors: [{ where: '/status' }],
    });
    const english = await status(lead.transferId, { status: 'closed' }, 'en');
    expect(english.statusCode).toBe(409);
    expect(english.json().detail).toContain(
      "A sign-up lead's transfer is closed by recording the lead's outcome",
    );
    // 연락불가 leaves no way round it either.
    const unreachable = await status(lead.transferId, { status: 'in-progress' });
    expect(unreachable.statusCode, unreachable.body).toBe(200);
    expect((await status(lead.transferId, { status: 'unreachable' })).statusCode).toBe(200);
    expect((await transferOf(lead.transferId)).nextStatuses).toEqual(['in-progress', 'contacted']);
    expect((await status(lead.transferId, { status: 'closed' })).statusCode).toBe(409);

    // Nothing moved: the lead is open with its callback, and the transfer can still change hands.
    const kept = (await inject(handler, 'GET', `/api/v1/leads/${lead.id}`)).json();
    expect(kept).toMatchObject({ status: 'new', closedAt: null });
    expect(kept.callback.state).not.toBe('none');
    const colleague = await t.userWithToken('backoffice');
    const taken = await inject(colleague, 'POST', `/api/v1/transfers/${lead.transferId}/assign`, {
      assigneeId: 'me',
    });
    expect(taken.statusCode, taken.body).toBe(200);

    // The lead's outcome still closes it, from 연락불가 too.
    const won = await outcome(lead.id, { outcome: 'signed-up' });
    expect(won.statusCode, won.body).toBe(200);
    const closed = await transferOf(lead.transferId);
    expect(closed).toMatchObject({ status: 'closed', nextStatuses: [] });
    expect(closed.history.at(-1)).toMatchObject({
      detail: { fromStatus: 'unreachable', toStatus: 'closed', byLeadOutcome: 'signed-up' },
    });
  });

  it('lets the team close the transfer of a lead already finished, and leaves a closed one as it is', async () => {
    t.setNow('2026-12-10T10:00:00+09:00');
    const db = t.ctx.database.db;
    // Left open by a version before a lead's outcome closed its transfer: nothing holds it any more.
    const finished = await fileLead('한빛상회');
    expect((await outcome(finished.id, { outcome: 'not-interested' })).statusCode).toBe(200);
    await db.execute(
      sql`update transfers set status = 'contacted', closed_at = null where id = ${finished.transferId}`,
    );
    expect((await transferOf(finished.transferId)).nextStatuses).toContain('closed');
    const closedByTeam = await inject(handler, 'POST', `/api/v1/transfers/${finished.transferId}/status`, {
      status: 'closed',
    });
    expect(closedByTeam.statusCode, closedByTeam.body).toBe(200);

    // Closed on its own, as the workflow allowed before (QA M3): the outcome leaves it as it is.
    const lead = await fileLead('마루상회');
    await db.execute(
      sql`update transfers set status = 'closed', closed_at = now() where id = ${lead.transferId}`,
    );
    const before = await transferOf(lead.transferId);
    t.setNow('2026-12-10T11:00:00+09:00');
    const answer = await outcome(lead.id, { outcome: 'signed-up' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().status).toBe('won');
    const after = await transferOf(lead.transferId);
    expect(after.closedAt).toBe(before.closedAt);
    expect(after.history).toHaveLength(before.history.length);
  });

  it('rolls the outcome back when closing the transfer fails: the lead is not finished and keeps no attempt', async () => {
    t.setNow('2026-12-11T10:00:00+09:00');
    const lead = await fileLead('바다유통');
    const db = t.ctx.database.db;
    // A real failure inside the transfer step: the database refuses the closing history entry.
    await db.execute(sql`
      create function ieum_test_refuse_lead_closure() returns trigger language plpgsql as $$
      begin
        if new.detail ? 'byLeadOutcome' then raise exception 'closing refused for the test'; end if;
        return new;
      end $$`);
    await db.execute(sql`
      create trigger ieum_test_refuse_lead_closure before insert on transfer_events
      for each row execute function ieum_test_refuse_lead_closure()`);
    try {
      const refused = await outcome(lead.id, { outcome: 'signed-up' });
      expect(refused.statusCode).toBe(500);
      const kept = (await inject(handler, 'GET', `/api/v1/leads/${lead.id}`)).json();
      expect(kept).toMatchObject({ status: 'new', closedAt: null, lastOutcome: null });
      expect(kept.callback.attempts).toBe(0);
      expect(kept.callbacks).toEqual([]);
      const transfer = await transferOf(lead.transferId);
      expect(transfer.status).toBe('received');
      expect(transfer.history).toHaveLength(1);
    } finally {
      await db.execute(sql`drop trigger ieum_test_refuse_lead_closure on transfer_events`);
      await db.execute(sql`drop function ieum_test_refuse_lead_closure()`);
    }
    const retried = await outcome(lead.id, { outcome: 'signed-up' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect((await transferOf(lead.transferId)).status).toBe('closed');
  });
});
