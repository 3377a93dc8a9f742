import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type User = Awaited<ReturnType<TestApp['userWithToken']>>;

describe.each(testBackends())('account administration on $name', (backend) => {
  let t: TestApp;
  let admin: User;
  let supervisor: User;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    admin = await t.userWithToken('admin');
    supervisor = await t.userWithToken('supervisor');
  });
  afterAll(async () => {
    await t?.close();
  });

  const inject = (user: User, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

  it('lists accounts with whether each is disabled', async () => {
    const listed = await inject(admin, 'GET', '/api/v1/users');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({ id: admin.id, role: 'admin', disabled: false }),
    );
  });

  it('disables an account so its token stops working at once, audits it, and enables it again without the old token', async () => {
    const agent = await t.userWithToken('agent');
    expect((await inject(agent, 'GET', '/api/v1/business-hours')).statusCode).toBe(200);

    const disabled = await inject(admin, 'PATCH', `/api/v1/users/${agent.id}`, { disabled: true });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ id: agent.id, role: 'agent', disabled: true });
    expect((await inject(agent, 'GET', '/api/v1/business-hours')).statusCode).toBe(401);
    const listed = await inject(admin, 'GET', '/api/v1/users');
    expect(listed.json().items).toContainEqual(expect.objectContaining({ id: agent.id, disabled: true }));

    const log = await inject(admin, 'GET', `/api/v1/access-log?action=user.disabled`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toContainEqual(
      expect.objectContaining({ action: 'user.disabled', subject: `user:${agent.id}` }),
    );

    const enabled = await inject(admin, 'PATCH', `/api/v1/users/${agent.id}`, { disabled: false });
    expect(enabled.json()).toMatchObject({ disabled: false });
    // Disabling revoked the token for good: enabling the account again does not bring it back.
    expect((await inject(agent, 'GET', '/api/v1/business-hours')).statusCode).toBe(401);
  });

  it('refuses to let an admin disable their own account, naming the field', async () => {
    const response = await inject(admin, 'PATCH', `/api/v1/users/${admin.id}`, { disabled: true });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ where: '/disabled', message: expect.stringContaining('자신의 계정') }],
    });
  });

  it('answers 404 for an unknown account and 403 for a supervisor', async () => {
    const unknown = await inject(admin, 'PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', {
      disabled: true,
    });
    expect(unknown.statusCode).toBe(404);
    const refused = await inject(supervisor, 'PATCH', `/api/v1/users/${admin.id}`, { disabled: true });
    expect(refused.statusCode).toBe(403);
  });
});
