import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/createLogger.ts';
import { jobs } from '../../src/server/db/jobsSchema.ts';
import { readEnv } from '../../src/server/env.ts';
import { ASSISTANT_CACHE_DIR } from '../../src/server/services/assist/loadGuideAssistants.ts';
import { ABANDON_IDLE_JOB } from '../../src/server/services/consultations/scheduleAbandonment.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';
import { startServer } from '../../src/server/startServer.ts';

// The real start (startServer) on the embedded database, twice on one data directory.
describe('restarting the server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-restart-'));
  const env = readEnv({
    PORT: '0',
    IEUM_DATA_DIR: dataDir,
    IEUM_WEB_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IEUM_FAKE_NOW: '2026-11-25T10:00:00+09:00',
  });
  const logger = createLogger('silent');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('answers search at once, runs the work it defers past listening, and reuses the built index next time', async () => {
    const first = await startServer(env, logger);
    try {
      // A request may come before the deferred work is done: it is answered, not refused.
      await createUser(
        first.ctx,
        { email: 'restart@ieum.test', name: '재시작', role: 'agent', password: 'correct horse battery' },
        { id: null },
      );
      const { token } = await createApiToken(first.ctx, { email: 'restart@ieum.test' }, { id: null });
      const search = await fetch(`${first.url}/api/v1/search?q=${encodeURIComponent('ㅁㅅㄱ')}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(search.status).toBe(200);
      expect(JSON.stringify(await search.json())).toContain('미수금');
      await first.afterListening;
      // The deferred schedules are in place: the abandonment sweep is a job waiting to run.
      const scheduled = await first.ctx.database.db
        .select()
        .from(jobs)
        .where(eq(jobs.kind, ABANDON_IDLE_JOB));
      expect(scheduled.length).toBeGreaterThan(0);
      expect(fs.readdirSync(path.join(dataDir, ASSISTANT_CACHE_DIR))).toHaveLength(1);
    } finally {
      await first.stop();
    }
    const kept = fs.readdirSync(path.join(dataDir, ASSISTANT_CACHE_DIR));
    const next = await startServer(env, logger);
    try {
      await next.afterListening;
      expect(fs.readdirSync(path.join(dataDir, ASSISTANT_CACHE_DIR))).toEqual(kept);
      expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
    } finally {
      await next.stop();
    }
    // Two full starts of the embedded database: seconds alone, more on a loaded machine.
  }, 120_000);
});

// The guides are read while the database opens: a broken guide still stops the start, and leaves
// the embedded database closed and its directory free for the next start.
describe('a start with a broken guide', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-broken-guide-'));
  const guidesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-broken-guides-'));
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(guidesDir, { recursive: true, force: true });
  });

  it('stops with the guide error and leaves the data directory free', async () => {
    fs.writeFileSync(path.join(guidesDir, 'broken.json'), '{ "id": "broken",\n  "title": }\n');
    const env = {
      PORT: '0',
      IEUM_DATA_DIR: dataDir,
      IEUM_WEB_DIR: '/nonexistent',
      LOG_LEVEL: 'silent',
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const logger = createLogger('silent');
    await expect(startServer(readEnv({ ...env, IEUM_GUIDES_DIR: guidesDir }), logger)).rejects.toThrow(
      /Invalid guide content[\s\S]*broken\.json:2/,
    );
    const next = await startServer(readEnv(env), logger);
    try {
      expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
    } finally {
      await next.stop();
    }
  }, 120_000);
});
