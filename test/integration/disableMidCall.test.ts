import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { q1TransferFinish } from '../helpers/q1TransferFinish.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

/**
 * An agent disabled mid-call is signed out with the call unsaved. What disabling would leave behind
 * counts the calls and chats the agent has open, so the admin can wait for the call to end.
 */
describe.each(testBackends())('disabling an agent who is on a call on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let agent: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (user: User, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

  const inProgress = async (): Promise<number> => {
    const counted = await inject(admin, 'GET', `/api/v1/users/${agent.id}/open-items`);
    expect(counted.statusCode, counted.body).toBe(200);
    return counted.json().consultationsInProgress;
  };

  it('counts the open calls and chats among what disabling would leave, and no longer once saved', async () => {
    expect(await inProgress()).toBe(0);
    const call = await inject(agent, 'POST', '/api/v1/consultations', { channel: 'call' });
    expect(call.statusCode, call.body).toBe(201);
    const chat = await inject(agent, 'POST', '/api/v1/consultations', { channel: 'chat' });
    expect(chat.statusCode, chat.body).toBe(201);
    expect(await inProgress()).toBe(2);
    // Another agent's call is not this agent's.
    const other = await t.userWithToken('agent');
    expect((await inject(other, 'POST', '/api/v1/consultations', { channel: 'call' })).statusCode).toBe(201);
    expect(await inProgress()).toBe(2);

    const saved = await inject(
      agent,
      'POST',
      `/api/v1/consultations/${call.json().id}/finish`,
      q1TransferFinish,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await inProgress()).toBe(1);
  });
});
