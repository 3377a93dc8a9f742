import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

// Years away from the wall clock, so an entry stamped by the wall clock cannot pass for it.
const CLOCK = '2027-03-02T11:00:00+09:00';

describe.each(testBackends())('access-log times on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(backend);
    t.setNow(CLOCK);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stamps every entry with the service clock: logins, accounts, tokens, closures', async () => {
    const admin = await t.userWithToken('admin');
    const agent = await t.userWithToken('agent');
    const calls = [
      { method: 'POST', url: '/api/v1/auth/login', payload: { email: agent.email, password: 'wrong guess' } },
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: agent.email, password: 'correct horse battery' },
      },
      {
        method: 'POST',
        url: '/api/v1/users',
        headers: admin.headers,
        payload: {
          email: 'clock@ieum.test',
          name: '시계상담',
          role: 'agent',
          password: '귤나무 옆 파란 자전거',
        },
      },
      { method: 'POST', url: '/api/v1/cti/tokens', headers: admin.headers, payload: { name: 'PBX 1' } },
    ] as const;
    for (const call of calls) {
      const response = await t.app.inject(call);
      expect(response.statusCode, `${call.method} ${call.url}: ${response.body}`).toBeLessThan(500);
    }
    const closure = await t.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: admin.headers,
      payload: { date: '2027-03-10', name: '휴무' },
    });
    expect(closure.statusCode, closure.body).toBe(201);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/closures/${closure.json().id}`,
      headers: admin.headers,
    });
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const entries = await queryRows(
      t.ctx.database.db,
      sql`select action, at from audit_events order by id`,
      z.object({ action: z.string(), at: z.coerce.date() }),
    );
    const actions = entries.map((entry) => entry.action);
    for (const action of [
      'login.failed',
      'login.succeeded',
      'user.created',
      'closure.added',
      'closure.removed',
    ]) {
      expect(actions).toContain(action);
    }
    expect(actions.some((action) => action.startsWith('cti'))).toBe(true);
    for (const entry of entries)
      expect(entry.at.toISOString(), entry.action).toBe(new Date(CLOCK).toISOString());
  });
});
