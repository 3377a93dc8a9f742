import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../../src/server/createLogger.ts';
import { loadFieldKeys } from '../../src/server/crypto/loadFieldKeys.ts';
import { CLEAN_STOP_FILE, cleanStopRecord } from '../../src/server/db/cleanStopRecord.ts';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { readEnv } from '../../src/server/env.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';
import { type RunningServer, startServer } from '../../src/server/startServer.ts';
import { twoGuidesDir } from '../helpers/twoGuidesDir.ts';

const SKIPPED = 'database unchanged since its last clean stop';
const CLEAR_PHONE = '010-2468-1357';
const callerRow = z.object({ caller_number: z.string().nullable(), caller_index: z.string().nullable() });
const keyRow = z.object({ fingerprint: z.string() });

/** Starts the real server with a log kept in memory; says whether it skipped the start-up checks. */
async function start(
  env: Record<string, string>,
): Promise<{ server: RunningServer; skipped: boolean; log: string[] }> {
  const log: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      log.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const server = await startServer(readEnv(env), createLogger('info', sink));
  await server.afterListening;
  return { server, skipped: log.some((line) => line.includes(SKIPPED)), log };
}

// A restart after a clean stop with nothing written since skips the migrations and the start-up
// passes (key check, default guide, sealing what earlier versions left in clear) on the embedded
// database; every one of them runs again when what it depends on changed.
describe('restarting on an unchanged embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-shortcut-'));
  const guides = twoGuidesDir();
  const firstKey = randomBytes(32).toString('base64');
  const nextKey = randomBytes(32).toString('base64');
  const base = {
    PORT: '0',
    HOST: '127.0.0.1',
    IEUM_DATA_DIR: dataDir,
    IEUM_WEB_DIR: '/nonexistent',
    IEUM_PURGE_INTERVAL_MINUTES: '0',
    IEUM_ENCRYPTION_KEY: firstKey,
  };
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    guides.remove();
  });

  it('skips what a clean stop made sure of, and runs it again after a write by another process, a new key, other guides or other migrations', async () => {
    // First start: everything runs. A consultation with a caller number (sealed, with its index).
    const first = await start(base);
    let consultationId: string;
    try {
      expect(first.skipped).toBe(false);
      await createUser(
        first.server.ctx,
        { email: 'shortcut@ieum.test', name: '재시작', role: 'agent', password: 'correct horse battery' },
        { id: null },
      );
      const { token } = await createApiToken(first.server.ctx, { email: 'shortcut@ieum.test' }, { id: null });
      const started = await first.server.app.inject({
        method: 'POST',
        url: '/api/v1/consultations',
        headers: { authorization: `Bearer ${token}` },
        payload: { channel: 'call', guideId: 'business-inquiry', callerNumber: CLEAR_PHONE },
      });
      expect(started.statusCode, started.body).toBe(201);
      consultationId = started.json().id;
    } finally {
      await first.server.stop();
    }
    expect(cleanStopRecord.read(dataDir)).not.toBeNull();

    // Nothing written since: skipped, and the server works.
    const second = await start(base);
    try {
      expect(second.skipped).toBe(true);
      expect((await fetch(`${second.server.url}/healthz`)).status).toBe(200);
    } finally {
      await second.server.stop();
    }

    // Another process (an earlier version) writes a caller number in clear, without its index.
    const earlier = await openDatabase({ kind: 'pglite', dataDir });
    await earlier.db.execute(
      sql`update consultations set caller_number = ${CLEAR_PHONE}, caller_index = null where id = ${consultationId}`,
    );
    await earlier.close();

    // The next start sees the write and seals it.
    const third = await start(base);
    try {
      expect(third.skipped).toBe(false);
      const [row] = await queryRows(
        third.server.ctx.database.db,
        sql`select caller_number, caller_index from consultations where id = ${consultationId}`,
        callerRow,
      );
      expect(row?.caller_number).toMatch(/^enc:v1:/);
      expect(row?.caller_index).not.toBeNull();
    } finally {
      await third.server.stop();
    }
    const fourth = await start(base);
    await fourth.server.stop();
    expect(fourth.skipped).toBe(true);

    // A new key (the previous one kept for reading): the key check runs and records it.
    const rotated = { ...base, IEUM_ENCRYPTION_KEY: nextKey, IEUM_ENCRYPTION_OLD_KEYS: firstKey };
    const fifth = await start(rotated);
    try {
      expect(fifth.skipped).toBe(false);
      const recorded = await queryRows(
        fifth.server.ctx.database.db,
        sql`select fingerprint from encryption_keys`,
        keyRow,
      );
      expect(recorded.map((entry) => entry.fingerprint)).toContain(
        loadFieldKeys(readEnv(rotated)).fingerprint,
      );
    } finally {
      await fifth.server.stop();
    }

    // Other guides (another default guide may be assigned): run again.
    const withGuides = { ...rotated, IEUM_GUIDES_DIR: guides.dir };
    const sixth = await start(withGuides);
    await sixth.server.stop();
    expect(sixth.skipped).toBe(false);

    // Another schema version recorded at the stop than this code's: the migrations run again.
    const record = cleanStopRecord.read(dataDir);
    if (!record) throw new Error(`no ${CLEAN_STOP_FILE} after a clean stop`);
    cleanStopRecord.write(dataDir, { ...record, migrations: 'an older schema' });
    const seventh = await start(withGuides);
    await seventh.server.stop();
    expect(seventh.skipped).toBe(false);
    expect(cleanStopRecord.read(dataDir)?.migrations).not.toBe('an older schema');
  }, 240_000);

  it.skipIf(!process.env.IEUM_TEST_DATABASE_URL /* needs IEUM_TEST_DATABASE_URL: the PostgreSQL case */)(
    'never skips on PostgreSQL, where other instances and tools write at any time',
    async () => {
      const adminUrl = process.env.IEUM_TEST_DATABASE_URL ?? '';
      const name = `ieum_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        const env = { ...base, DATABASE_URL: url.toString() };
        for (let i = 0; i < 2; i++) {
          const run = await start(env);
          await run.server.stop();
          expect(run.skipped).toBe(false);
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    120_000,
  );
});
