import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

// QA-8 M2: PATCH applied the create's defaults to every field left out — a paused subscription
// came back on, a trusted one went masked, its description went — and `secret` was dropped with 200.
describe.each(testBackends())('changing a webhook subscription on $name', (backend) => {
  let t: TestApp;
  let admin: User;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_WEBHOOK_ALLOW_PRIVATE: 'true' });
    admin = await t.userWithToken('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });

  async function subscription() {
    const created = await send('POST', '/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/first',
      eventTypes: ['transfer.filed'],
      description: 'CRM 연동',
      active: false,
      includePersonalData: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; secret: string; secretHint: string };
  }

  it('changes only the fields sent: a paused, trusted subscription stays so when its address changes', async () => {
    const { id } = await subscription();
    const moved = await send('PATCH', `/api/v1/webhooks/${id}`, { url: 'http://127.0.0.1:9/second' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      url: 'http://127.0.0.1:9/second',
      eventTypes: ['transfer.filed'],
      description: 'CRM 연동',
      active: false,
      includePersonalData: true,
    });
    expect(moved.json().secret).toBeUndefined();
    const resumed = await send('PATCH', `/api/v1/webhooks/${id}`, { active: true });
    expect(resumed.json()).toMatchObject({
      active: true,
      description: 'CRM 연동',
      includePersonalData: true,
    });
  });

  it('takes a secret of your own, shown once like a generated one; not together with rotateSecret', async () => {
    const { id, secret } = await subscription();
    const own = 'my-own-webhook-secret-2026';
    const changed = await send('PATCH', `/api/v1/webhooks/${id}`, { secret: own });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ secret: own, secretHint: '…2026' });
    const listed = (await send('GET', '/api/v1/webhooks'))
      .json()
      .items.find((item: { id: string }) => item.id === id);
    expect(listed).toMatchObject({ secretHint: '…2026' });
    expect(listed.secret).toBeUndefined();
    expect(own).not.toBe(secret);

    const both = await send('PATCH', `/api/v1/webhooks/${id}`, { secret: own, rotateSecret: true });
    expect(both.statusCode, both.body).toBe(400);
    expect(both.json()).toMatchObject({
      messageKey: 'validation.secretOrRotate',
      errors: [{ where: 'body/rotateSecret' }],
    });
    const short = await send('PATCH', `/api/v1/webhooks/${id}`, { secret: 'short' });
    expect(short.statusCode, short.body).toBe(400);
    expect(short.json().errors[0].where).toBe('body/secret');
  });
});
