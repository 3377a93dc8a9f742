import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumerateFlowPaths } from '../../src/domain/flow/enumerateFlowPaths.ts';
import type { Guide } from '../../src/domain/guide/guideSchema.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { storeEvents } from '../../src/server/events/publishEvent.ts';
import { issueSetupLink } from '../../src/server/services/users/issueSetupLink.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const record = {
  summary: '정산 문의',
  companyName: '이음상사',
  contactName: '홍길동',
  phone: '010-1234-5678',
  inquiry: '월 정산 내역 확인 요청',
  title: '[비즈니스] 정산 문의',
  body: 'ㄴ 기업명 : 이음상사\nㄴ 담당자 이름 : 홍길동\nㄴ 연락처 : 010-1234-5678\nㄴ 문의 내용 : 월 정산 내역 확인 요청',
};

describe.each(testBackends())('HTTP API on $name', (backend) => {
  let t: TestApp;
  let guide: Guide;
  beforeAll(async () => {
    t = await buildTestApp(backend);
    const found = t.ctx.guides.get('business-inquiry');
    if (!found) throw new Error('business-inquiry guide missing');
    guide = found;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The first path of a script ending in `outcome`; `hours` picks the business-hours branch, 'none' a path without one. */
  function pathOf(scriptId: string, outcome: string, hours: 'open' | 'closed' | 'none' | 'any' = 'any') {
    const path = enumerateFlowPaths(guide, scriptId).find((p) => {
      if (p.outcome !== outcome) return false;
      const branch = p.history.find((e) => e.answer === 'open' || e.answer === 'closed')?.answer ?? 'none';
      return hours === 'any' || branch === hours;
    });
    if (!path) throw new Error(`no ${scriptId} path ending in ${outcome}`);
    return path.history;
  }

  it('answers health and readiness without credentials', async () => {
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });

  it('refuses /api/v1 without credentials with a problem+json 401, even for malformed input', async () => {
    const response = await t.app.inject({ url: '/api/v1/business-hours?at=garbage' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    const badToken = await t.app.inject({ url: '/api/v1/guides', headers: { authorization: 'Bearer nope' } });
    expect(badToken.statusCode).toBe(401);
    // The challenge names the scheme; a token that was sent and not taken is an invalid_token (QA-8 L5).
    expect(response.headers['www-authenticate']).toBe('Bearer realm="ieum"');
    expect(badToken.headers['www-authenticate']).toBe('Bearer realm="ieum", error="invalid_token"');
  });

  it('decides business hours for a given instant and rejects a malformed one with 400', async () => {
    const { headers } = await t.userWithToken('agent');
    const open = await t.app.inject({
      url: '/api/v1/business-hours?at=2026-11-25T09:00:00%2B09:00',
      headers,
    });
    expect(open.json()).toEqual({
      open: true,
      reason: 'open',
      holiday: null,
      nextOpenAt: '2026-11-25T09:00:00+09:00',
      holidayDataMissing: false,
      // The line it was decided on, with the hours its guide declares: what screens state.
      line: {
        guideId: 'business-inquiry',
        name: '비즈니스 전용 상담센터',
        phone: '1644-7391',
        days: 'weekdays',
        opens: '09:00',
        closes: '18:00',
      },
    });
    const utcEvening = await t.app.inject({ url: '/api/v1/business-hours?at=2026-11-25T09:00:00Z', headers });
    expect(utcEvening.json()).toMatchObject({
      open: false,
      reason: 'after-hours',
      nextOpenAt: '2026-11-26T09:00:00+09:00',
    });
    const substitute = await t.app.inject({
      url: '/api/v1/business-hours?at=2026-05-25T10:00:00%2B09:00',
      headers,
    });
    expect(substitute.json()).toMatchObject({
      open: false,
      reason: 'holiday',
      nextOpenAt: '2026-05-26T09:00:00+09:00',
    });
    const missing = await t.app.inject({
      url: '/api/v1/business-hours?at=2031-03-04T10:00:00%2B09:00',
      headers,
    });
    expect(missing.json()).toMatchObject({ open: true, holidayDataMissing: true });
    const bad = await t.app.inject({ url: '/api/v1/business-hours?at=yesterday', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].where).toBe('querystring/at');
    const now = await t.app.inject({ url: '/api/v1/business-hours', headers });
    expect(now.json()).toMatchObject({ open: true, reason: 'open' });
  });

  it('closes the calendar on a company closure an admin adds, at once', async () => {
    const admin = await t.userWithToken('admin');
    const agent = await t.userWithToken('agent');
    const forbidden = await t.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: agent.headers,
      payload: { date: '2026-12-24', name: '창립기념일' },
    });
    expect(forbidden.statusCode).toBe(403);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: admin.headers,
      payload: { date: '2026-12-24', name: '창립기념일' },
    });
    expect(created.statusCode).toBe(201);
    const decision = await t.app.inject({
      url: '/api/v1/business-hours?at=2026-12-24T10:00:00%2B09:00',
      headers: agent.headers,
    });
    expect(decision.json()).toMatchObject({
      open: false,
      reason: 'closure',
      holiday: '창립기념일',
      nextOpenAt: '2026-12-28T09:00:00+09:00',
    });
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: admin.headers,
      payload: { date: '2026-12-24', name: '중복' },
    });
    expect(duplicate.statusCode).toBe(409);
    const badDate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: admin.headers,
      payload: { date: '24/12', name: 'x' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0]).toMatchObject({
      where: 'body/date',
      message: 'date는 YYYY-MM-DD 형식이어야 합니다',
    });
    // The right shape, a day the calendar lacks: said as that, in the caller's language.
    const noSuchDay = (language: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/closures',
        headers: { ...admin.headers, 'accept-language': language },
        payload: { date: '2026-02-30', name: 'x' },
      });
    const korean = await noSuchDay('ko');
    expect(korean.statusCode).toBe(400);
    expect(korean.json().errors).toEqual([
      expect.objectContaining({ where: 'body/date', message: '달력에 없는 날짜입니다 (2026-02-30)' }),
    ]);
    expect((await noSuchDay('en')).json().errors).toEqual([
      expect.objectContaining({
        where: 'body/date',
        message: 'date: 2026-02-30 is not a day of the calendar',
      }),
    ]);
  });

  it('serves the guide as JSON', async () => {
    const { headers } = await t.userWithToken('agent');
    const list = await t.app.inject({ url: '/api/v1/guides', headers });
    expect(list.json().items).toEqual([
      {
        id: 'business-inquiry',
        title: guide.title,
        version: guide.version,
        heading: '비즈니스 문의',
        isDefault: true,
      },
    ]);
    const one = await t.app.inject({ url: '/api/v1/guides/business-inquiry', headers });
    expect(one.json().inquiryTypes).toHaveLength(9);
    expect(one.json().supportLine.phone).toBe('1644-7391');
    expect((await t.app.inject({ url: '/api/v1/guides/nope', headers })).statusCode).toBe(404);
  });

  it('runs a consultation from start to saved record, storing the guide version and masking the number in lists', async () => {
    const agent = await t.userWithToken('agent');
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', callerNumber: '01012345678', guideId: 'business-inquiry' },
    });
    expect(started.statusCode).toBe(201);
    const consultation = started.json();
    expect(consultation).toMatchObject({
      status: 'open',
      guideVersion: guide.version,
      callerNumber: '010-1234-5678',
    });

    const payload = {
      scriptId: 'q1',
      inquiryType: 1,
      history: pathOf('q1', 'transfer', 'none'),
      businessHoursOpen: true,
      record,
    };
    const completed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${consultation.id}/complete`,
      headers: agent.headers,
      payload,
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({
      status: 'completed',
      outcome: 'transfer',
      record: { category: '비즈니스 > 기타 > 이관 > 이관', title: '[비즈니스] 정산 문의', body: record.body },
    });
    // A retried save (same path, same record) returns the stored consultation; a different path is a conflict.
    const retried = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${consultation.id}/complete`,
      headers: agent.headers,
      payload,
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().record).toEqual(completed.json().record);
    // The same path with another record is a second save, not a retry: refused, the first kept.
    const rewritten = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${consultation.id}/complete`,
      headers: agent.headers,
      payload: { ...payload, record: { ...record, title: '[비즈니스] 나중에 고친 제목' } },
    });
    expect(rewritten.statusCode).toBe(409);
    const kept = await t.app.inject({
      url: `/api/v1/consultations/${consultation.id}`,
      headers: agent.headers,
    });
    expect(kept.json().record.title).toBe('[비즈니스] 정산 문의');
    const changed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${consultation.id}/complete`,
      headers: agent.headers,
      payload: { ...payload, scriptId: 'q3', history: pathOf('q3', 'company-admin') },
    });
    expect(changed.statusCode).toBe(409);

    const list = await t.app.inject({ url: '/api/v1/consultations?scope=mine', headers: agent.headers });
    const [first] = list.json().items;
    expect(first.id).toBe(consultation.id);
    expect(first.callerNumber).toBe('010-****-5678');
    expect(first.record.body).toContain('010-****-5678');
    expect(first.record.body).not.toContain('1234');

    const other = await t.userWithToken('agent');
    expect(
      (await t.app.inject({ url: `/api/v1/consultations/${consultation.id}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    const supervisor = await t.userWithToken('supervisor');
    expect(
      (await t.app.inject({ url: `/api/v1/consultations/${consultation.id}`, headers: supervisor.headers }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a path the guide does not allow, an unfinished one, and a bad caller number, saying where', async () => {
    const agent = await t.userWithToken('agent');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', callerNumber: '12345' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].where).toBe('/callerNumber');

    const started = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: agent.headers,
        payload: { channel: 'chat' },
      })
    ).json();
    const history = pathOf('q1', 'support-line', 'open');
    const tampered = history.map((entry, i) => (i === 0 ? { ...entry, nodeId: 'q4-signup' } : entry));
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.id}/complete`,
      headers: agent.headers,
      payload: { scriptId: 'q1', inquiryType: 1, history: tampered, record },
    });
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().errors[0].where).toBe('/history/0');
    const unfinished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.id}/complete`,
      headers: agent.headers,
      payload: { scriptId: 'q1', inquiryType: 1, history: history.slice(0, 1), record },
    });
    expect(unfinished.statusCode).toBe(400);
    const malformed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${started.id}/complete`,
      headers: { ...agent.headers, 'content-type': 'application/json' },
      payload: '{"scriptId":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const stillOpen = await t.app.inject({
      url: `/api/v1/consultations/${started.id}`,
      headers: agent.headers,
    });
    expect(stillOpen.json().status).toBe('open');
  });

  it('logs in with a session cookie, enforces CSRF on writes, and logs out idle sessions', async () => {
    const agent = await t.userWithToken('agent', 'cookie-agent@ieum.test');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'Cookie-Agent@ieum.test', password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'ieum_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const { csrfToken, user } = login.json();
    expect(user.id).toBe(agent.id);
    const cookies = { ieum_session: cookie?.value ?? '' };

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      cookies,
      payload: { channel: 'call' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf-token-invalid');
    const withCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      cookies,
      headers: { 'x-csrf-token': csrfToken },
      payload: { channel: 'call' },
    });
    expect(withCsrf.statusCode).toBe(201);

    t.advance(29 * 60_000);
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode).toBe(200);
    t.advance(31 * 60_000);
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode).toBe(401);
  });

  it('makes the session cookie worthless the moment the user logs out', async () => {
    await t.userWithToken('agent', 'logout-agent@ieum.test');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'logout-agent@ieum.test', password: 'correct horse battery' },
    });
    const cookies = { ieum_session: login.cookies.find((c) => c.name === 'ieum_session')?.value ?? '' };
    // Used once before logging out, so the server has the session in its credential cache.
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode).toBe(200);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies,
      headers: { 'x-csrf-token': login.json().csrfToken },
    });
    expect(logout.statusCode).toBeLessThan(300);
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode).toBe(401);
  });

  it('locks an account after repeated failed logins, with the same answer for unknown e-mails', async () => {
    await t.userWithToken('agent', 'locked@ieum.test');
    const attempt = (password: string, email = 'locked@ieum.test') =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const unknown = await attempt('whatever', 'nobody@ieum.test');
    expect(unknown.statusCode).toBe(401);
    for (let i = 0; i < 5; i++)
      expect((await attempt('wrong password')).json().detail).toBe(unknown.json().detail);
    // Locked: even the right password gets the very answer an unknown e-mail gets (no 423).
    const locked = await attempt('correct horse battery');
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(unknown.json());
    t.advance(16 * 60_000);
    expect((await attempt('correct horse battery')).statusCode).toBe(200);
  });

  it('lets the first admin set a password through the one-time setup link, once', async () => {
    const fresh = await buildTestApp(backend);
    try {
      expect((await fresh.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });
      const link = await issueSetupLink(fresh.ctx, 'http://127.0.0.1:3000');
      const token = new URL(link ?? '').searchParams.get('token') ?? '';
      const short = await fresh.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, email: 'admin@ieum.test', name: '관리자', password: 'short' },
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().errors[0].where).toBe('/password');
      const done = await fresh.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, email: 'admin@ieum.test', name: '관리자', password: 'a long admin passphrase' },
      });
      expect(done.statusCode).toBe(201);
      expect(done.json().user.role).toBe('admin');
      const again = await fresh.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: { token, email: 'admin2@ieum.test', name: '관리자2', password: 'a long admin passphrase' },
      });
      expect(again.statusCode).toBe(409);
      expect(await issueSetupLink(fresh.ctx, 'http://x')).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('documents the API at /api/openapi.json', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/business-hours',
      '/api/v1/guides/{id}',
      '/api/v1/consultations',
      '/api/v1/consultations/{id}/complete',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
    // Endpoints that take no bearer token say so, or generated clients would demand one (QA-8 L6).
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/v1/cti/{token}'].post.security).toEqual([]);
    expect(doc.paths['/api/v1/channels/kakao/{token}/skill'].post.security).toEqual([]);
    expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
    expect(doc.paths['/api/v1/consultations'].post.security).toBeUndefined();
    // Errors are stated as what the server sends: problem+json; 429 where a route is rate-limited,
    // 413 where it takes a body (QA-8 M4).
    const create = doc.paths['/api/v1/consultations'].post.responses;
    expect(Object.keys(create['400'].content)).toEqual(['application/problem+json']);
    expect(create['400'].content['application/problem+json'].schema).toEqual(expect.any(Object));
    expect(create['413'].content['application/problem+json']).toBeDefined();
    expect(Object.keys(create['201'].content)).toEqual(['application/json']);
    const reveal = doc.paths['/api/v1/transfers/{id}/reveal'].post.responses;
    expect(reveal['429'].description).toContain('Retry-After');
    expect(doc.paths['/api/v1/guides'].get.responses['413']).toBeUndefined();
  });

  it('never writes a phone number in clear to the log', async () => {
    const agent = await t.userWithToken('agent');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', callerNumber: '010-9876-5432' },
    });
    await t.app.inject({ url: '/console?caller=01098765432', headers: agent.headers });
    const text = t.log.join('\n');
    expect(text).toContain('incoming request');
    expect(text).not.toMatch(/9876-?5432/);
  });
});

describe.each(testBackends())('live events over SSE on $name', (backend) => {
  it('streams a closure change to a connected client, and refuses a client without credentials', async () => {
    const t = await buildTestApp(backend);
    try {
      const admin = await t.userWithToken('admin');
      const agent = await t.userWithToken('agent');
      const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
      expect((await fetch(`${base}/api/v1/events`)).status).toBe(401);
      const controller = new AbortController();
      const response = await fetch(`${base}/api/v1/events`, {
        headers: agent.headers,
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body?.getReader();
      if (!reader) throw new Error('no stream');
      let text = '';
      const decoder = new TextDecoder();
      await reader.read(); // the ": connected" preamble: the subscription is live from here
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/closures',
        headers: admin.headers,
        payload: { date: '2026-12-31', name: '종무식' },
      });
      while (!text.includes('event: closure.changed')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value);
      }
      controller.abort();
      expect(text).toMatch(/id: \d+\nevent: closure.changed\ndata: \{"date":"2026-12-31"/);
    } finally {
      await t.close();
    }
  });

  // PostgreSQL only: needs concurrent transactions, which PGlite's single connection never runs.
  it.skipIf(backend.name !== 'postgres' /* PostgreSQL only: concurrent transactions */)(
    'catches a reconnecting client up on an event that committed after the last id it saw',
    async () => {
      const t = await buildTestApp(backend);
      try {
        const agent = await t.userWithToken('agent');
        const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
        const db = t.ctx.database.db;
        let releaseEarly = () => {};
        const early = db.transaction(async (tx) => {
          // Stored now (publishEvent would store it as the transaction ends): its id is taken early.
          await storeEvents(tx, [{ type: 'closure.changed', data: { date: '2026-12-29' } }]);
          await new Promise<void>((resolve) => {
            releaseEarly = resolve;
          });
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        // The client saw this one, then lost its connection; the earlier id commits meanwhile.
        const [seenEvent] = await db.transaction((tx) =>
          storeEvents(tx, [{ type: 'closure.changed', data: { date: '2026-12-31' } }]),
        );
        const seen = seenEvent?.id ?? 0;
        releaseEarly();
        await early;
        const controller = new AbortController();
        const response = await fetch(`${base}/api/v1/events`, {
          headers: { ...agent.headers, 'last-event-id': String(seen) },
          signal: controller.signal,
        });
        const reader = response.body?.getReader();
        if (!reader) throw new Error('no stream');
        let text = '';
        const decoder = new TextDecoder();
        while (!text.includes('2026-12-29')) {
          const chunk = await reader.read();
          if (chunk.done) break;
          text += decoder.decode(chunk.value);
        }
        controller.abort();
        expect(text).toContain('"date":"2026-12-29"');
      } finally {
        await t.close();
      }
    },
  );

  it.skipIf(backend.name !== 'postgres' /* PostgreSQL only: PGlite has no server connection to drop */)(
    'keeps serving after PostgreSQL drops its idle connections (restart, failover)',
    async () => {
      const t = await buildTestApp(backend);
      try {
        const agent = await t.userWithToken('agent');
        const read = () => t.app.inject({ url: '/api/v1/business-hours', headers: agent.headers });
        expect((await read()).statusCode).toBe(200);
        const adminUrl = process.env.IEUM_TEST_DATABASE_URL ?? '';
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        const [database] = await queryRows(
          t.ctx.database.db,
          sql`select current_database() as name`,
          z.object({ name: z.string() }),
        );
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [String(database?.name)],
        );
        await admin.end();
        // The dropped idle connections must not crash the process (an unhandled pool error would),
        // and the next requests get fresh connections.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await expect.poll(async () => (await read()).statusCode, { timeout: 5_000 }).toBe(200);
      } finally {
        await t.close();
      }
    },
  );

  // PGlite runs one transaction at a time, so commits out of id order only happen on PostgreSQL.
  it.skipIf(backend.name !== 'postgres' /* PostgreSQL only: concurrent transactions */)(
    'streams an event whose transaction took its id first but committed last',
    async () => {
      const t = await buildTestApp(backend);
      try {
        const agent = await t.userWithToken('agent');
        const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
        const controller = new AbortController();
        const response = await fetch(`${base}/api/v1/events`, {
          headers: agent.headers,
          signal: controller.signal,
        });
        const reader = response.body?.getReader();
        if (!reader) throw new Error('no stream');
        await reader.read(); // ": connected"
        const db = t.ctx.database.db;
        let releaseEarly = () => {};
        const early = db.transaction(async (tx) => {
          // Stored now (publishEvent would store it as the transaction ends): its id is taken early.
          await storeEvents(tx, [{ type: 'closure.changed', data: { date: '2026-12-30' } }]);
          await new Promise<void>((resolve) => {
            releaseEarly = resolve;
          });
        });
        // Give the early transaction time to take its id, then commit a later one first.
        await new Promise((resolve) => setTimeout(resolve, 100));
        await db.transaction((tx) =>
          storeEvents(tx, [{ type: 'closure.changed', data: { date: '2026-12-31' } }]),
        );
        releaseEarly();
        await early;
        let text = '';
        const decoder = new TextDecoder();
        while (!(text.includes('2026-12-30') && text.includes('2026-12-31'))) {
          const chunk = await reader.read();
          if (chunk.done) break;
          text += decoder.decode(chunk.value);
        }
        controller.abort();
        expect(text.indexOf('2026-12-31')).toBeLessThan(text.indexOf('2026-12-30'));
      } finally {
        await t.close();
      }
    },
  );
});
