import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../src/server/db/schema.ts';
import { setupTokenRepository } from '../../src/server/repositories/setupTokenRepository.ts';
import { secureToken } from '../../src/server/services/auth/secureToken.ts';
import { issueSetupLink } from '../../src/server/services/users/issueSetupLink.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const tokenOf = (link: string | null) => new URL(link ?? 'http://x/').searchParams.get('token') ?? '';
const admin = (n: number) => ({
  email: `first${n}@ieum.test`,
  name: `첫 관리자 ${n}`,
  password: 'a long first-admin passphrase',
});

describe.each(testBackends())('access hardening on $name', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(backend, { IEUM_REVEALS_PER_MINUTE: '5', IEUM_EXPORTS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the first-admin setup link', () => {
    it('works only as printed last: every new link ends the earlier ones', async () => {
      const fresh = await buildTestApp(backend);
      try {
        const links = [];
        for (let start = 0; start < 3; start++)
          links.push(await issueSetupLink(fresh.ctx, 'http://127.0.0.1:3000'));
        for (const old of links.slice(0, 2)) {
          const response = await fresh.app.inject({
            method: 'POST',
            url: '/api/v1/setup',
            payload: { token: tokenOf(old), ...admin(0) },
          });
          expect(response.statusCode).toBe(403);
          expect(response.json().errors[0].where).toBe('/token');
        }
        const last = await fresh.app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { token: tokenOf(links[2] ?? null), ...admin(0) },
        });
        expect(last.statusCode, last.body).toBe(201);
      } finally {
        await fresh.close();
      }
    });

    it('makes exactly one first admin from concurrent requests, with one link or several live ones', async () => {
      const fresh = await buildTestApp(backend);
      try {
        const db = fresh.ctx.database.db;
        const link = tokenOf(await issueSetupLink(fresh.ctx, 'http://127.0.0.1:3000'));
        // Two more links alive at once (as the old code left them after restarts).
        const extra = [secureToken(), secureToken()];
        for (const { hash } of extra)
          await setupTokenRepository.insert(db, hash, new Date(Date.now() + 3_600_000));
        const tokens = [link, link, link, ...extra.map((item) => item.token)];
        const answers = await Promise.all(
          tokens.map((token, n) =>
            fresh.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { token, ...admin(n) } }),
          ),
        );
        expect(answers.map((answer) => answer.statusCode).filter((status) => status === 201)).toHaveLength(1);
        for (const answer of answers.filter((item) => item.statusCode !== 201))
          expect([403, 409]).toContain(answer.statusCode);
        expect(await db.select().from(users)).toHaveLength(1);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('passwords', () => {
    it('refuses common and trivial passwords for a new account with a Korean reason at /password', async () => {
      const owner = await t.userWithToken('admin');
      for (const password of ['1234567890', '          ', 'qwertyuiop12', 'newagent@ieum.test']) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: owner.headers,
          payload: { email: 'newagent@ieum.test', name: '신상담', role: 'agent', password },
        });
        expect(response.statusCode, JSON.stringify(password)).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().errors).toEqual([
          {
            where: '/password',
            in: 'body',
            pointer: '/password',
            message: expect.stringContaining('너무 쉽게 추측되는 비밀번호입니다'),
            messageKey: expect.stringMatching(/^users\.weakPassword/),
            params: expect.any(Object),
          },
        ]);
      }
      const accepted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: owner.headers,
        payload: {
          email: 'newagent@ieum.test',
          name: '신상담',
          role: 'agent',
          password: '귤나무 옆 파란 자전거',
        },
      });
      expect(accepted.statusCode, accepted.body).toBe(201);
    });
  });

  describe('login lock-out', () => {
    it('checks at most LOGIN_MAX_FAILURES passwords however many guesses arrive at once', async () => {
      const target = await t.userWithToken('agent');
      const guesses = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { email: target.email, password: `wrong guess ${n}` },
          }),
        ),
      );
      expect(guesses.map((guess) => guess.statusCode)).toEqual(Array(12).fill(401));
      const rows = await t.ctx.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.subject, `user:${target.id}`));
      const checked = rows.filter((row) => ['login.failed', 'login.locked'].includes(row.action));
      expect(checked).toHaveLength(5);
      expect(rows.filter((row) => row.action === 'login.refused-locked')).toHaveLength(7);
      // Locked now: the right password is refused with the answer an unregistered e-mail gets.
      const right = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: target.email, password: 'correct horse battery' },
      });
      const nobody = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody-here@ieum.test', password: 'correct horse battery' },
      });
      expect(right.statusCode).toBe(401);
      expect(right.json()).toEqual(nobody.json());
      // The lock runs out, and a fresh count starts: one wrong guess does not lock again.
      t.advance(16 * 60_000);
      const wrongOnce = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: target.email, password: 'one more wrong guess' },
      });
      expect(wrongOnce.statusCode).toBe(401);
      const after = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: target.email, password: 'correct horse battery' },
      });
      expect(after.statusCode).toBe(200);
    });
  });

  describe('rate limits on personal data', () => {
    it('limits reveals per account (IEUM_REVEALS_PER_MINUTE) with a 429 problem, not per address', async () => {
      const agent = await t.userWithToken('agent');
      const one = await t.userWithToken('backoffice');
      const two = await t.userWithToken('backoffice');
      const started = await t.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: agent.headers,
        payload: { channel: 'call', guideId: 'business-inquiry', callerNumber: '010-2468-1357' },
      });
      expect(started.statusCode, started.body).toBe(201);
      const consultationId = started.json().id;
      const reveal = (headers: { authorization: string }) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/consultations/${consultationId}/reveal`,
          headers,
          payload: { reason: '고객 재연락 (부재중 콜백)', fields: ['callerNumber'] },
        });
      const answers = [];
      for (let n = 0; n < 8; n++) answers.push(await reveal(one.headers));
      expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      const limited = answers[5];
      expect(limited?.headers['content-type']).toContain('application/problem+json');
      expect(limited?.json().code).toBe('rate-limited');
      // Another account (same address) still has its own budget.
      expect((await reveal(two.headers)).statusCode).toBe(200);
    });

    it('limits exports per account (IEUM_EXPORTS_PER_MINUTE)', async () => {
      const supervisor = await t.userWithToken('supervisor');
      const statuses = [];
      for (let n = 0; n < 5; n++)
        statuses.push(
          (await t.app.inject({ url: '/api/v1/leads/export.csv', headers: supervisor.headers })).statusCode,
        );
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
  });

  describe('webhook targets', () => {
    it('refuses loopback, private and link-local addresses unless IEUM_WEBHOOK_ALLOW_PRIVATE=true', async () => {
      const owner = await t.userWithToken('admin');
      const urls = [
        'http://127.0.0.1:8080/hook',
        'http://localhost/hook',
        'http://10.1.2.3/hook',
        'http://192.168.0.10/hook',
        'http://172.20.0.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/hook',
        'http://[fd00::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://0.0.0.0/hook',
      ];
      for (const url of urls) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/webhooks',
          headers: owner.headers,
          payload: { url, eventTypes: ['transfer.filed'] },
        });
        expect(response.statusCode, url).toBe(400);
        expect(response.json().errors[0]).toMatchObject({
          where: '/url',
          message: expect.stringContaining('IEUM_WEBHOOK_ALLOW_PRIVATE'),
        });
      }
      const publicHook = await t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: owner.headers,
        payload: { url: 'https://crm.example.com/hook', eventTypes: ['transfer.filed'] },
      });
      expect(publicHook.statusCode).toBe(201);
      const moved = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/webhooks/${publicHook.json().id}`,
        headers: owner.headers,
        payload: { url: 'http://127.0.0.1/hook' },
      });
      expect(moved.statusCode).toBe(400);
      const english = await t.app.inject({
        method: 'POST',
        url: '/api/v1/webhooks',
        headers: { ...owner.headers, 'accept-language': 'en' },
        payload: { url: 'http://10.1.2.3/hook', eventTypes: ['transfer.filed'] },
      });
      expect(english.json()).toMatchObject({
        messageKey: 'webhooks.privateTarget',
        detail: expect.stringContaining('not sent to internal (loopback or private) addresses'),
      });

      const allowing = await buildTestApp(backend, { IEUM_WEBHOOK_ALLOW_PRIVATE: 'true' });
      try {
        const local = await allowing.userWithToken('admin');
        const response = await allowing.app.inject({
          method: 'POST',
          url: '/api/v1/webhooks',
          headers: local.headers,
          payload: { url: 'http://127.0.0.1:8080/hook', eventTypes: ['transfer.filed'] },
        });
        expect(response.statusCode).toBe(201);
      } finally {
        await allowing.close();
      }
    });

    it("refuses a URL with a user name or password (fetch would refuse every delivery) at /url in the caller's language", async () => {
      const owner = await t.userWithToken('admin');
      const create = (url: string, language: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/webhooks',
          headers: { ...owner.headers, 'accept-language': language },
          payload: { url, eventTypes: ['transfer.filed'] },
        });
      for (const url of ['http://user:pw@example.com/x', 'https://user@example.com/x']) {
        const english = await create(url, 'en');
        expect(english.statusCode, english.body).toBe(400);
        expect(english.headers['content-type']).toContain('application/problem+json');
        const en =
          'A webhook URL cannot contain a user name or password (user:pw@). Let the receiver check the signing secret instead';
        expect(english.json()).toMatchObject({ detail: en, messageKey: 'webhooks.urlHasCredentials' });
        expect(english.json().errors).toMatchObject([
          { where: '/url', message: en, messageKey: 'webhooks.urlHasCredentials' },
        ]);
      }
      const korean = await create('http://user:pw@example.com/x', 'ko');
      expect(korean.statusCode, korean.body).toBe(400);
      expect(korean.json().errors).toMatchObject([
        {
          where: '/url',
          message:
            '웹훅 주소에 사용자 이름이나 비밀번호(user:pw@)를 넣을 수 없습니다. 받는 쪽 확인은 서명 비밀값으로 하세요',
        },
      ]);

      const hook = await create('https://crm.example.com/credentials-hook', 'en');
      expect(hook.statusCode, hook.body).toBe(201);
      const moved = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/webhooks/${hook.json().id}`,
        headers: { ...owner.headers, 'accept-language': 'en' },
        payload: { url: 'http://user:pw@example.com/x' },
      });
      expect(moved.statusCode, moved.body).toBe(400);
      expect(moved.json().errors).toMatchObject([
        { where: '/url', messageKey: 'webhooks.urlHasCredentials' },
      ]);
    });
  });
});
