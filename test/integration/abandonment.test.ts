import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, jobs } from '../../src/server/db/jobsSchema.ts';
import { consultations } from '../../src/server/db/schema.ts';
import { readEnv } from '../../src/server/env.ts';
import {
  ABANDON_IDLE_JOB,
  scheduleAbandonment,
} from '../../src/server/services/consultations/scheduleAbandonment.ts';
import { purgeExpiredPersonalData } from '../../src/server/services/privacy/purgeExpiredPersonalData.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';
import { startServer } from '../../src/server/startServer.ts';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { declinedSignUpBody } from '../helpers/declinedSignUpBody.ts';
import { testBackends } from '../helpers/testDatabases.ts';

type Headers = { authorization: string };

const minutes = (n: number) => n * 60_000;
const T0 = '2026-11-25T10:00:00+09:00';
const draftOf = (companyName: string) => ({
  revision: 1,
  draft: {
    scriptId: 'q4',
    inquiryType: 6,
    history: [{ nodeId: 'q4-signup', answer: 'yes' }],
    collected: { companyName, phone: '010-5555-6666' },
  },
});

describe.each(testBackends())('abandoning idle consultations on $name', (backend) => {
  let t: TestApp;
  let agent: { id: string; headers: Headers };

  beforeAll(async () => {
    t = await buildTestApp(backend);
    agent = await t.userWithToken('agent');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function start(): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent.headers,
      payload: { channel: 'call', guideId: 'business-inquiry', callerNumber: '010-1212-3434' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }

  function saveDraft(id: string, body: object) {
    return t.app.inject({
      method: 'PUT',
      url: `/api/v1/consultations/${id}/draft`,
      headers: agent.headers,
      payload: body,
    });
  }

  async function row(id: string) {
    const [found] = await t.ctx.database.db.select().from(consultations).where(eq(consultations.id, id));
    if (!found) throw new Error(`consultation ${id} missing`);
    return found;
  }

  it('a durable job abandons a consultation idle past IEUM_ABANDON_AFTER_MINUTES; a draft write keeps another alive', async () => {
    t.setNow(T0);
    const idle = await start();
    const busy = await start();
    const bare = await start();
    t.advance(minutes(10));
    expect((await saveDraft(idle, draftOf('한가상사'))).statusCode).toBe(200);
    t.advance(minutes(90));
    expect((await saveDraft(busy, draftOf('바쁜상사'))).statusCode).toBe(200);

    // 119 minutes after the last activity of `idle` (129 after the start of `bare`): only `bare` goes.
    t.advance(minutes(29));
    await scheduleAbandonment(t.ctx);
    await t.runJobs();
    expect((await row(idle)).status).toBe('open');
    expect((await row(bare)).status).toBe('abandoned');

    // 121 minutes after it: the next sweep (booked by the last one) abandons `idle`.
    t.advance(minutes(2));
    expect(await t.runJobs()).toBeGreaterThanOrEqual(1);
    const abandoned = await row(idle);
    expect(abandoned.status).toBe('abandoned');
    expect(abandoned.abandonedAt?.toISOString()).toBe(new Date(Date.parse(T0) + minutes(131)).toISOString());
    expect((await row(busy)).status).toBe('open');
    // Kept for reports: its times, and the type and script its draft had chosen (the row has
    // none until a save writes one); a consultation given up before a type was picked has none.
    expect(abandoned.startedAt.toISOString()).toBe(new Date(T0).toISOString());
    expect(abandoned.path).toEqual([]);
    expect({ inquiryType: abandoned.inquiryType, scriptId: abandoned.scriptId }).toEqual({
      inquiryType: 6,
      scriptId: 'q4',
    });
    expect((await row(bare)).inquiryType).toBeNull();
    // So a supervisor's report for that type counts it among the abandoned ones.
    const supervisor = await t.userWithToken('supervisor');
    const abandonedOfType = async (inquiryType: number) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/reports/summary?from=2026-11-25&to=2026-11-25&inquiryType=${inquiryType}`,
        headers: supervisor.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().figures.find((figure: { id: string }) => figure.id === 'consultations.abandoned')
        ?.value;
    };
    expect(await abandonedOfType(6)).toBe(1);
    expect(await abandonedOfType(1)).toBe(0);

    // The sweep books its next slot, so the schedule never stops.
    const pending = await t.ctx.database.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(and(eq(jobs.kind, ABANDON_IDLE_JOB), like(jobs.dedupeKey, `${ABANDON_IDLE_JOB}:%`)))
      .orderBy(desc(jobs.runAt))
      .limit(1);
    expect(pending[0]?.runAt.getTime()).toBeGreaterThan(t.ctx.now().getTime());

    // The agent's other tabs hear of it (ids only).
    const [event] = await t.ctx.database.db
      .select()
      .from(events)
      .where(eq(events.type, 'consultation.abandoned'))
      .orderBy(desc(events.id))
      .limit(1);
    expect(event?.data).toMatchObject({ agentId: agent.id });
  });

  it('hides abandoned consultations from 최근 상담 unless asked, and refuses to finish or resume them (409, in Korean)', async () => {
    // Another day: each sweep slot runs once, and the first test used today's.
    t.setNow('2026-11-26T10:00:00+09:00');
    const id = await start();
    t.advance(minutes(121));
    await scheduleAbandonment(t.ctx);
    await t.runJobs();
    expect((await row(id)).status).toBe('abandoned');

    const recent = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consultations',
      headers: agent.headers,
    });
    expect(recent.statusCode, recent.body).toBe(200);
    expect(recent.json().items.some((item: { id: string }) => item.id === id)).toBe(false);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consultations?includeAbandoned=true',
      headers: agent.headers,
    });
    expect(all.json().items.find((item: { id: string }) => item.id === id)?.status).toBe('abandoned');
    const open = await t.app.inject({
      method: 'GET',
      url: '/api/v1/consultations/open',
      headers: agent.headers,
    });
    expect(
      open.json().items.some((item: { consultation: { id: string } }) => item.consultation.id === id),
    ).toBe(false);
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/${id}`,
      headers: agent.headers,
    });
    expect(one.json().status).toBe('abandoned');

    const finished = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/finish`,
      headers: { ...agent.headers, 'idempotency-key': `finish-${id}` },
      payload: declinedSignUpBody,
    });
    expect(finished.statusCode, finished.body).toBe(409);
    expect(finished.json().detail).toContain('오래 활동이 없어 중단된');
    const completed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consultations/${id}/complete`,
      headers: agent.headers,
      payload: declinedSignUpBody,
    });
    expect(completed.statusCode, completed.body).toBe(409);
    const draft = await saveDraft(id, draftOf('늦은상사'));
    expect(draft.statusCode, draft.body).toBe(409);
    expect(draft.json().detail).toContain('중단된');
    expect((await row(id)).status).toBe('abandoned');
  });

  it('erases an abandoned consultation’s caller number and draft on the schedule of a completed one', async () => {
    t.setNow('2026-11-27T10:00:00+09:00');
    const id = await start();
    expect((await saveDraft(id, draftOf('보존상사'))).statusCode).toBe(200);
    t.advance(minutes(121));
    await scheduleAbandonment(t.ctx);
    await t.runJobs();
    const abandoned = await row(id);
    expect(abandoned.status).toBe('abandoned');
    // Retention counts from the abandonment, for the default period (no consent was given).
    const years = t.ctx.env.IEUM_RETENTION_DEFAULT_YEARS;
    const end = new Date(t.ctx.now());
    end.setUTCFullYear(end.getUTCFullYear() + years);
    expect(abandoned.retentionEndsAt?.toISOString()).toBe(end.toISOString());

    t.setNow(new Date(end.getTime() - minutes(60)));
    await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    expect((await row(id)).draft).not.toBeNull();

    t.setNow(new Date(end.getTime() + minutes(1)));
    await purgeExpiredPersonalData(t.ctx, { dryRun: false });
    const erased = await row(id);
    expect(erased).toMatchObject({
      callerNumber: null,
      draft: null,
      personalIndex: null,
      status: 'abandoned',
    });
    expect(erased.personalDataErasedAt).not.toBeNull();
  });

  it('has no clock to move on a server without IEUM_FAKE_NOW', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/clock',
      headers: agent.headers,
      payload: { advanceMinutes: 180 },
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('the test clock of a server started with IEUM_FAKE_NOW', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-clock-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('moves the clock forward over HTTP and abandons what became idle', async () => {
    const env = readEnv({
      PORT: '0',
      IEUM_DATA_DIR: dataDir,
      IEUM_WEB_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IEUM_FAKE_NOW: T0,
      IEUM_PURGE_INTERVAL_MINUTES: '0',
    });
    const server = await startServer(
      env,
      (await import('../../src/server/createLogger.ts')).createLogger('silent'),
    );
    try {
      await createUser(
        server.ctx,
        { email: 'clock@ieum.test', name: '시계', role: 'agent', password: 'correct horse battery' },
        { id: null },
      );
      const { token } = await createApiToken(server.ctx, { email: 'clock@ieum.test' }, { id: null });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const started = await fetch(`${server.url}/api/v1/consultations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ channel: 'call', guideId: 'business-inquiry' }),
      });
      expect(started.status).toBe(201);
      const { id } = (await started.json()) as { id: string };

      // One consultation made idle: it goes, the other call in progress stays.
      const second = await fetch(`${server.url}/api/v1/consultations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ channel: 'chat', guideId: 'business-inquiry' }),
      });
      const other = ((await second.json()) as { id: string }).id;
      const third = await fetch(`${server.url}/api/v1/consultations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ channel: 'chat', guideId: 'business-inquiry' }),
      });
      const stays = ((await third.json()) as { id: string }).id;
      const idled = await fetch(`${server.url}/api/v1/test/consultations/${other}/idle`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ minutes: 121 }),
      });
      expect(idled.status).toBe(200);
      expect(await idled.json()).toEqual({ status: 'abandoned', abandoned: 1 });
      const untouched = await fetch(`${server.url}/api/v1/consultations/${stays}`, { headers });
      expect(((await untouched.json()) as { status: string }).status).toBe('open');

      const moved = await fetch(`${server.url}/api/v1/test/clock`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ advanceMinutes: 121 }),
      });
      expect(moved.status).toBe(200);
      const body = (await moved.json()) as { now: string; abandoned: number };
      expect(body.abandoned).toBe(2);
      expect(Date.parse(body.now) - Date.parse(T0)).toBeGreaterThanOrEqual(minutes(121));

      const read = await fetch(`${server.url}/api/v1/consultations/${id}`, { headers });
      expect(((await read.json()) as { status: string }).status).toBe('abandoned');
    } finally {
      await server.stop();
    }
    // A whole server starts here (guides, search indexes, suggestion models): slow on a busy machine.
  }, 120_000);
});
