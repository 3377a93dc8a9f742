import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { type ScratchPostgres, scratchPostgres } from '../helpers/scratchPostgres.ts';

const adminUrl = process.env.IEUM_TEST_DATABASE_URL;

// Two instances on one PostgreSQL, as behind nginx: a limit is one limit, not one per instance.
describe.skipIf(!adminUrl /* needs IEUM_TEST_DATABASE_URL: instances share a PostgreSQL server */)(
  'rate limits shared by two instances on one PostgreSQL',
  () => {
    let database: ScratchPostgres | undefined;
    let one: TestApp;
    let two: TestApp;
    beforeAll(async () => {
      if (!adminUrl) return;
      database = await scratchPostgres(adminUrl);
      const { backend } = database;
      const env = {
        IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        IEUM_REVEALS_PER_MINUTE: '3',
        IEUM_CTI_EVENTS_PER_MINUTE: '4',
        IEUM_LOGINS_PER_MINUTE: '2',
      };
      one = await buildTestApp(backend, env);
      two = await buildTestApp(backend, env);
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await database?.drop();
    });

    it('counts an account’s reveals on both instances against one IEUM_REVEALS_PER_MINUTE', async () => {
      const agent = await one.userWithToken('agent');
      const handler = await one.userWithToken('backoffice');
      const started = await one.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: agent.headers,
        payload: { channel: 'call', guideId: 'business-inquiry', callerNumber: '010-2468-1357' },
      });
      expect(started.statusCode, started.body).toBe(201);
      const reveal = (app: TestApp) =>
        app.app.inject({
          method: 'POST',
          url: `/api/v1/consultations/${started.json().id}/reveal`,
          headers: handler.headers,
          payload: { reason: '고객 재연락 (부재중 콜백)', fields: ['callerNumber'] },
        });
      const statuses = [];
      for (const app of [one, two, one, two, one]) statuses.push((await reveal(app)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await reveal(two);
      expect(limited.json()).toMatchObject({ code: 'rate-limited' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('counts an address’s sign-in attempts on both instances against one IEUM_LOGINS_PER_MINUTE', async () => {
      const login = (app: TestApp) =>
        app.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'nobody@ieum.test', password: 'wrong password here' },
        });
      const statuses = [];
      for (const app of [one, two, one]) statuses.push((await login(app)).statusCode);
      expect(statuses).toEqual([401, 401, 429]);
    });

    it('counts a PBX address’s CTI events on both instances against one IEUM_CTI_EVENTS_PER_MINUTE', async () => {
      // Wrong tokens count too (a token cannot be guessed at speed): 401 until the limit, then 429.
      const post = (app: TestApp) =>
        app.app.inject({
          method: 'POST',
          url: '/api/v1/cti/cti_not-a-real-token-000000000000',
          payload: { event: 'newCall', from: '01023456789', to: '16447391', direction: 'in', callId: 'c-1' },
        });
      const statuses = [];
      for (const app of [one, two, two, one, two, one]) statuses.push((await post(app)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    });
  },
);
