import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyToPostgresReportSchema } from '../../src/contract/database/copyToPostgresReportSchema.ts';
import { createLogger } from '../../src/server/createLogger.ts';
import { KEY_FILE_NAME } from '../../src/server/crypto/loadFieldKeys.ts';
import { readEnv } from '../../src/server/env.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';
import { startServer } from '../../src/server/startServer.ts';
import { fileSignUpLead } from '../helpers/fileSignUpLead.ts';
import { q1TransferFinish } from '../helpers/q1TransferFinish.ts';
import { type ScratchPostgres, scratchPostgres } from '../helpers/scratchPostgres.ts';

const root = path.resolve(import.meta.dirname, '../..');
const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
const NOW = '2026-11-25T10:00:00+09:00';
const DAY = 'from=2026-11-25&to=2026-11-25';

/**
 * Every table the drizzle schema declares, read from the schema files themselves (a new
 * `*Schema.ts` is picked up too): the copy must carry each of them.
 */
async function declaredTables(): Promise<string[]> {
  const dir = path.join(root, 'src/server/db');
  const files = fs.readdirSync(dir).filter((file) => /^(schema|\w+Schema)\.ts$/.test(file));
  const names = new Set<string>();
  for (const file of files) {
    const module: Record<string, unknown> = await import(path.join(dir, file));
    for (const value of Object.values(module)) if (is(value, PgTable)) names.add(getTableConfig(value).name);
  }
  return [...names].sort();
}

/** Runs `ieum db copy-to-postgres …` on `dataDir`, as an operator would (DATABASE_URL unset). */
function copyToPostgres(dataDir: string, args: string[]) {
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL' && key !== 'IEUM_ENCRYPTION_KEY'),
  );
  const result = spawnSync(process.execPath, ['src/cli/main.ts', 'db', 'copy-to-postgres', ...args], {
    cwd: root,
    env: { ...environment, IEUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * An answer without what is read off the clock (`asOf`, `generatedAt`, minutes left): the fake clock ticks on from
 * its start in each server, so these differ by a second or so.
 */
function withoutClockReadings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutClockReadings);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !['asOf', 'generatedAt', 'businessMinutesLeft'].includes(key))
      .map(([key, inner]) => [key, withoutClockReadings(inner)]),
  );
}

async function countRows(url: string, tables: readonly string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await client.query(`select count(*)::int as n from "${table}"`);
      counts[table] = rows[0]?.n ?? 0;
    }
    return counts;
  } finally {
    await client.end();
  }
}

// An embedded data directory filled through the real app, copied into a fresh PostgreSQL database,
// then served from there: the same records, figures and access log, and the counters go on.
describe.skipIf(!adminUrl /* needs IEUM_TEST_DATABASE_URL */)('ieum db copy-to-postgres', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-copy-to-postgres-'));
  const logger = createLogger('silent');
  const common = { PORT: '0', IEUM_WEB_DIR: '/nonexistent', LOG_LEVEL: 'silent', IEUM_FAKE_NOW: NOW };
  let target: ScratchPostgres;
  let embedded: Awaited<ReturnType<typeof startServer>> | null = null;
  const auth: Record<'admin' | 'agent' | 'backoffice', string> = { admin: '', agent: '', backoffice: '' };
  const transferIds: string[] = [];
  let leadId = '';
  const seen: { transfers: unknown[]; lead: unknown; summary: unknown } = {
    transfers: [],
    lead: null,
    summary: null,
  };

  async function call(base: string, who: keyof typeof auth, method: string, url: string, body?: unknown) {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        authorization: auth[who],
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null, text };
  }

  async function finishTransfer(base: string): Promise<{ id: string; number: string }> {
    const started = await call(base, 'agent', 'POST', '/api/v1/consultations', {
      channel: 'call',
      guideId: 'business-inquiry',
      callerNumber: '010-9999-0000',
    });
    expect(started.status, started.text).toBe(201);
    const finished = await call(
      base,
      'agent',
      'POST',
      `/api/v1/consultations/${started.json.id}/finish`,
      q1TransferFinish,
    );
    expect(finished.status, finished.text).toBe(200);
    return { id: finished.json.transfer.id, number: finished.json.transfer.number };
  }

  beforeAll(async () => {
    if (!adminUrl) return;
    target = await scratchPostgres(adminUrl);
    // The embedded default: no IEUM_ENCRYPTION_KEY, so the key is generated as encryption.key.
    embedded = await startServer(readEnv({ ...common, IEUM_DATA_DIR: dataDir }), logger);
    await embedded.afterListening;
    const ctx = embedded.ctx;
    for (const role of ['admin', 'agent', 'backoffice'] as const) {
      const email = `${role}@copy.ieum.test`;
      await createUser(
        ctx,
        { email, name: `${role} 이음`, role, password: 'correct horse battery 이음' },
        { id: null },
      );
      auth[role] = `Bearer ${(await createApiToken(ctx, { email }, { id: null })).token}`;
    }
    const base = embedded.url;
    for (let i = 0; i < 2; i++) transferIds.push((await finishTransfer(base)).id);
    leadId = await fileSignUpLead(base, auth.agent, {
      companyName: '가입상사',
      contactName: '홍길동',
      phone: '010-3456-7890',
      email: 'buyer@example.com',
    });
    const [first] = transferIds;
    const comment = await call(base, 'backoffice', 'POST', `/api/v1/transfers/${first}/comments`, {
      body: '오후에 다시 연락드리기로 함',
    });
    expect(comment.status, comment.text).toBe(201);
    const revealed = await call(base, 'backoffice', 'POST', `/api/v1/transfers/${first}/reveal`, {
      reason: '고객 재통화 (한도 변경 회신)',
    });
    expect(revealed.status, revealed.text).toBe(200);
    for (const id of transferIds)
      seen.transfers.push(
        withoutClockReadings((await call(base, 'admin', 'GET', `/api/v1/transfers/${id}`)).json),
      );
    seen.lead = withoutClockReadings((await call(base, 'admin', 'GET', `/api/v1/leads/${leadId}`)).json);
    seen.summary = withoutClockReadings(
      (await call(base, 'admin', 'GET', `/api/v1/reports/summary?${DAY}`)).json,
    );
    expect((await call(base, 'admin', 'GET', '/api/v1/access-log/verify')).json.ok).toBe(true);
  }, 180_000);

  afterAll(async () => {
    await embedded?.stop();
    await target?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses while a server holds the embedded database, and says to stop it', async () => {
    const refused = copyToPostgres(dataDir, ['--database-url', target.url]);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(
      `the embedded database in ${dataDir} is in use by a running ieum process`,
    );
    expect(refused.stderr).toContain('stop the server first');
    await embedded?.stop();
    embedded = null;
  }, 60_000);

  it('--dry-run copies, checks and rolls back: the target holds no row', async () => {
    const tables = await declaredTables();
    const dryRun = copyToPostgres(dataDir, ['--database-url', target.url, '--dry-run', '--json']);
    expect(dryRun.status, dryRun.stderr).toBe(0);
    const report = copyToPostgresReportSchema.parse(JSON.parse(dryRun.stdout));
    expect(report).toMatchObject({ dryRun: true, copied: false });
    expect(report.totalRows).toBeGreaterThan(0);
    const counts = await countRows(target.url, tables);
    expect(Object.entries(counts).filter(([, rows]) => rows > 0)).toEqual([]);
  }, 120_000);

  it('rolls the whole copy back when a table holds another count after it, naming the table', async () => {
    const tables = await declaredTables();
    // A rule (not a trigger, which the copy switches off) that swallows one table's rows: the
    // copy's own check after the inserts is what must catch it.
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    try {
      await admin.query('create rule swallow_comments as on insert to transfer_comments do instead nothing');
      const refused = copyToPostgres(dataDir, ['--database-url', target.url]);
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stderr).toContain('row counts differ after copying, rolled back');
      expect(refused.stderr).toContain('transfer_comments: 1 in the embedded database, 0 copied');
    } finally {
      await admin.query('drop rule if exists swallow_comments on transfer_comments');
      await admin.end();
    }
    const counts = await countRows(target.url, tables);
    expect(Object.entries(counts).filter(([, rows]) => rows > 0)).toEqual([]);
  }, 120_000);

  it('copies every table, and PostgreSQL serves the same records, figures and access log; the numbers go on', async () => {
    const copied = copyToPostgres(dataDir, ['--database-url', target.url]);
    expect(copied.status, copied.stderr).toBe(0);
    const keyFile = path.join(dataDir, KEY_FILE_NAME);
    expect(copied.stdout).toContain(`IEUM_ENCRYPTION_KEY set to the contents of ${keyFile}`);
    expect(copied.stdout).toContain(
      `Keep the access-log checkpoint ${path.join(dataDir, 'access-log.checkpoint')}`,
    );

    // Every declared table is in the report with the rows now in the target, seeded ones not empty.
    const tables = await declaredTables();
    const listed = new Map(
      copied.stdout
        .split('\n')
        .map((line) => /^ {2}(\w+)\s+(\d+)$/.exec(line))
        .flatMap((match) => (match?.[1] && match[2] ? [[match[1], Number(match[2])] as const] : [])),
    );
    const counts = await countRows(target.url, tables);
    for (const table of tables)
      expect({ table, rows: listed.get(table) }).toEqual({ table, rows: counts[table] });
    for (const seeded of [
      'users',
      'api_tokens',
      'consultations',
      'transfers',
      'transfer_counters',
      'transfer_comments',
      'leads',
      'email_outbox',
      'audit_events',
      'report_consultation_days',
    ])
      expect(counts[seeded], seeded).toBeGreaterThan(0);

    const onPostgres = await startServer(
      readEnv({
        ...common,
        DATABASE_URL: target.url,
        IEUM_ENCRYPTION_KEY: fs.readFileSync(keyFile, 'utf8').trim(),
        IEUM_DATA_DIR: dataDir,
      }),
      logger,
    );
    try {
      const base = onPostgres.url;
      for (const [index, id] of transferIds.entries())
        expect(
          withoutClockReadings((await call(base, 'admin', 'GET', `/api/v1/transfers/${id}`)).json),
        ).toEqual(seen.transfers[index]);
      expect(
        withoutClockReadings((await call(base, 'admin', 'GET', `/api/v1/leads/${leadId}`)).json),
      ).toEqual(seen.lead);
      expect(
        withoutClockReadings((await call(base, 'admin', 'GET', `/api/v1/reports/summary?${DAY}`)).json),
      ).toEqual(seen.summary);
      // Sealed values were copied as stored: the embedded key opens them.
      const revealed = await call(base, 'backoffice', 'POST', `/api/v1/transfers/${transferIds[0]}/reveal`, {
        reason: '이전 후 재통화',
      });
      expect(revealed.status, revealed.text).toBe(200);
      expect(revealed.json).toMatchObject({ contactName: '김담당', phone: '010-2345-6789' });
      const verified = await call(base, 'admin', 'GET', '/api/v1/access-log/verify');
      expect(verified.json.ok, verified.text).toBe(true);
      // The yearly counter continues after the copied numbers: the next one follows the last.
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      const { rows } = await client
        .query('select max(number) as last from transfers')
        .finally(() => client.end());
      const last = String(rows[0]?.last);
      expect(last).toMatch(/^T-2026-\d{6}$/);
      const next = await finishTransfer(base);
      expect(next.number).toBe(`T-2026-${String(Number(last.slice(-6)) + 1).padStart(6, '0')}`);
    } finally {
      await onPostgres.stop();
    }
  }, 180_000);

  it('refuses a target that already holds rows, naming the tables, and leaves it as it was', async () => {
    const tables = await declaredTables();
    const before = await countRows(target.url, tables);
    const refused = copyToPostgres(dataDir, ['--database-url', target.url]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/the target database already holds rows in .*users \(\d+\)/);
    expect(await countRows(target.url, tables)).toEqual(before);
  }, 120_000);
});
