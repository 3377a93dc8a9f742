import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missedCallListSchema } from '../../src/contract/cti/missedCallListSchema.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { type EventStream, openEventStream } from '../helpers/openEventStream.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// QA-6 L2: two members of the business team could call the same missed caller back, since nothing
// said one of them already was. Revealing the number to call back now takes the callback.
describe.each(testBackends())("a missed call's callback holder on $name", (backend) => {
  let t: TestApp;
  let base: string;
  let admin: User;
  let first: User;
  let second: User;
  let supervisor: User;
  let token: string;
  let stream: EventStream;
  const names = new Map<string, string>();

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_CALLBACK_HOLD_MINUTES: '20' });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await t.userWithToken('admin');
    first = await t.userWithToken('backoffice');
    second = await t.userWithToken('backoffice');
    supervisor = await t.userWithToken('supervisor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cti/tokens',
      headers: admin.headers,
      payload: { name: 'PBX 본사' },
    });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token;
    const accounts: Array<{ id: string; name: string }> = (
      await t.app.inject({ url: '/api/v1/users', headers: admin.headers })
    ).json().items;
    for (const account of accounts) names.set(account.id, account.name);
    stream = await openEventStream(base, supervisor.headers.authorization);
  });
  afterAll(async () => {
    stream?.close();
    await t?.close();
  });

  async function missedCall(callId: string, from: string): Promise<string> {
    const hangup = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/${token}`,
      payload: { event: 'hangup', from, to: '16447391', direction: 'in', callId, cause: 'noAnswer' },
    });
    expect(hangup.statusCode, hangup.body).toBe(200);
    const item = (await openCallbacks(first)).find((call) => call.callerNumber?.endsWith(from.slice(-4)));
    if (!item) throw new Error(`no callback for ${callId}`);
    return item.id;
  }
  async function openCallbacks(user: User) {
    const answer = await t.app.inject({ url: '/api/v1/cti/missed-calls', headers: user.headers });
    expect(answer.statusCode, answer.body).toBe(200);
    return missedCallListSchema.parse(answer.json()).items;
  }
  const heldBy = async (user: User, id: string) =>
    (await openCallbacks(user)).find((call) => call.id === id)?.callbackHeldBy ?? null;
  const reveal = (user: User, id: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${id}/reveal`,
      headers: user.headers,
      payload: { reason: '부재중 콜백' },
    });
  const holder = (user: User, since: string) => ({ id: user.id, name: names.get(user.id), since });

  it('gives the callback to whoever reveals the number first; the queue shows them calling, live', async () => {
    t.setNow('2026-11-25T10:00:00+09:00');
    const id = await missedCall('hold-first', '01031314141');
    expect(await heldBy(second, id)).toBeNull();
    const revealed = await reveal(first, id);
    expect(revealed.statusCode, revealed.body).toBe(200);
    const since = new Date('2026-11-25T10:00:00+09:00').toISOString();
    expect(revealed.json()).toEqual({ callerNumber: '010-3131-4141', callbackHeldBy: holder(first, since) });
    expect(await heldBy(second, id)).toEqual(holder(first, since));
    await expect
      .poll(() => stream.events.find((event) => event.type === 'call.callback-taken')?.data, {
        timeout: 5_000,
      })
      .toEqual({ callId: id, takenById: first.id, at: expect.any(String) });
  });

  it("leaves a colleague's callback theirs while the hold lasts, and says so to whoever reveals it then", async () => {
    t.setNow('2026-11-25T11:00:00+09:00');
    const id = await missedCall('hold-second', '01052526363');
    expect((await reveal(first, id)).statusCode).toBe(200);
    t.setNow('2026-11-25T11:19:00+09:00');
    const late = await reveal(second, id);
    expect(late.statusCode, late.body).toBe(200);
    const since = new Date('2026-11-25T11:00:00+09:00').toISOString();
    // The number is theirs to see (the reveal is logged as any); the callback stays the first's.
    expect(late.json()).toEqual({ callerNumber: '010-5252-6363', callbackHeldBy: holder(first, since) });
    expect(await heldBy(first, id)).toEqual(holder(first, since));
  });

  it('lets a colleague take it over once the hold ran out; the first taker is no longer shown', async () => {
    t.setNow('2026-11-25T13:00:00+09:00');
    const id = await missedCall('hold-expired', '01074748585');
    expect((await reveal(first, id)).statusCode).toBe(200);
    t.setNow('2026-11-25T13:20:00+09:00');
    expect(await heldBy(second, id)).toBeNull();
    const takeOver = await reveal(second, id);
    expect(takeOver.json().callbackHeldBy).toEqual(
      holder(second, new Date('2026-11-25T13:20:00+09:00').toISOString()),
    );
    expect(await heldBy(first, id)).toEqual(
      holder(second, new Date('2026-11-25T13:20:00+09:00').toISOString()),
    );
  });

  it('has no holder once the callback is made', async () => {
    t.setNow('2026-11-25T14:00:00+09:00');
    const id = await missedCall('hold-done', '01096960707');
    expect((await reveal(first, id)).statusCode).toBe(200);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cti/missed-calls/${id}/done`,
      headers: first.headers,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ callbackStatus: 'done', callbackHeldBy: null });
    const again = await reveal(second, id);
    expect(again.json()).toEqual({ callerNumber: '010-9696-0707', callbackHeldBy: null });
  });
});
