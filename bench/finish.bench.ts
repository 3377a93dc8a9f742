/**
 * Finishing a consultation in one request (POST /api/v1/consultations/{id}/finish on a transfer
 * path: replay, record, consent, transfer with history, event and webhooks, Idempotency-Key)
 * against a bare single-row INSERT endpoint on the same app and database in the same run, as a
 * ratio (target ≥ 0.25×). Over loopback HTTP with the real authentication and schema pipeline.
 *
 *   node bench/finish.bench.ts                      PGlite (temporary directory), then PostgreSQL
 *   --database-url URL                              PostgreSQL admin URL (default IEUM_BENCH_DATABASE_URL,
 *                                                   else a throwaway cluster when PostgreSQL is installed)
 *   --requests N (default 200)  --concurrency N (default 4)  --only pglite|postgres
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import pg from 'pg';
import { z } from 'zod';
import { startTestPostgres, type TestPostgres } from '../scripts/test/startTestPostgres.ts';
import { buildApp } from '../src/server/app.ts';
import type { AppContext } from '../src/server/appContext.ts';
import { createClock } from '../src/server/createClock.ts';
import { createLogger } from '../src/server/createLogger.ts';
import { createLoggedFieldCodec } from '../src/server/crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from '../src/server/crypto/loadFieldKeys.ts';
import { openDatabase } from '../src/server/db/openDatabase.ts';
import { queryRows } from '../src/server/db/queryRows.ts';
import { readEnv } from '../src/server/env.ts';
import { createEventHub } from '../src/server/events/createEventHub.ts';
import { registerAllJobHandlers } from '../src/server/jobs/allJobHandlers.ts';
import { startJobRunner } from '../src/server/jobs/startJobRunner.ts';
import { requirePermission } from '../src/server/plugins/authentication.ts';
import { loadGuideCatalog } from '../src/server/services/guides/loadGuideCatalog.ts';
import { createApiToken } from '../src/server/services/users/createApiToken.ts';
import { createUser } from '../src/server/services/users/createUser.ts';

const TARGET_RATIO = 0.25;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    only: { type: 'string' },
  },
});
const requests = Number(options.requests);
const concurrency = Number(options.concurrency);

// Q1, not a registered manager: the inquiry is taken down and the caller agrees to a callback.
const finishBody = {
  scriptId: 'q1',
  inquiryType: 1,
  history: [
    { nodeId: 'q1-registered', answer: 'no' },
    { nodeId: 'q1-transfer-inquiry', answer: 'next' },
    { nodeId: 'q1-callback-consent', answer: 'yes' },
  ],
  record: {
    summary: '관리자 기능 문의',
    companyName: '벤치상사',
    contactName: '홍길동',
    phone: '010-1234-5678',
    inquiry: '한도 변경 요청',
    title: '[비즈니스] 관리자 기능 문의',
    body: 'ㄴ 기업명 : 벤치상사\nㄴ 담당자 이름 : 홍길동\nㄴ 연락처 : 010-1234-5678\nㄴ 문의 내용 : 한도 변경 요청',
  },
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Sends `count` requests, `concurrency` in flight; returns requests per second and latencies. */
async function measure(
  count: number,
  send: (i: number) => Promise<Response>,
  expected: number,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  let next = 0;
  const latencies: number[] = [];
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      const response = await send(i);
      if (response.status !== expected) throw new Error(`${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ieum_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function runOn(kind: 'pglite' | 'postgres', adminUrl?: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-finish-'));
  const created = adminUrl ? await createDatabase(adminUrl) : null;
  const env = readEnv({
    IEUM_DATA_DIR: dataDir,
    IEUM_WEB_DIR: '/nonexistent',
    LOG_LEVEL: 'warn',
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IEUM_PURGE_INTERVAL_MINUTES: '0',
    ...(created ? { DATABASE_URL: created.url } : {}),
  });
  const logger = createLogger('warn');
  const database = await openDatabase(
    created ? { kind: 'postgres', url: created.url } : { kind: 'pglite', dataDir: env.IEUM_DATA_DIR },
  );
  const fieldKeys = loadFieldKeys(env);
  const ctx: AppContext = {
    env,
    database,
    guides: await loadGuideCatalog(env.IEUM_GUIDES_DIR),
    // A fixed weekday morning, as a production clock would run.
    now: createClock('2026-11-25T10:00:00+09:00'),
    logger,
    events: await createEventHub(database, logger),
    fieldKeys,
    fieldCodec: createLoggedFieldCodec(fieldKeys, logger),
  };
  registerAllJobHandlers();
  const jobRunner = await startJobRunner(ctx, { pollMs: env.JOB_POLL_MS });
  await database.db.execute(
    sql`create table bench_rows (id uuid primary key default gen_random_uuid(), body text not null, created_at timestamptz not null default now())`,
  );
  const app = await buildApp(ctx);
  // The baseline: the same authentication, validation and serialisation, one INSERT … RETURNING.
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/bench/insert',
    {
      schema: {
        body: z.object({ body: z.string().max(4000) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'consultation:create');
      const rows = await queryRows(
        database.db,
        sql`insert into bench_rows (body) values (${request.body.body}) returning id`,
        z.object({ id: z.string() }),
      );
      return reply.code(201).send({ id: rows[0]?.id ?? '' });
    },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const email = `bench-${randomUUID().slice(0, 8)}@bench.test`;
    await createUser(
      ctx,
      { email, name: '벤치', role: 'agent', password: 'correct horse battery' },
      { id: null },
    );
    const { token } = await createApiToken(ctx, { email }, { id: null });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = (pathname: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${url}${pathname}`, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify(body),
      });

    const warmUp = 30;
    const ids: string[] = [];
    for (let i = 0; i < requests + warmUp; i++) {
      const started = await post('/api/v1/consultations', { channel: 'call', guideId: 'business-inquiry' });
      if (started.status !== 201) throw new Error(`start: ${started.status} ${await started.text()}`);
      ids.push(z.object({ id: z.string() }).parse(await started.json()).id);
    }
    const insert = (i: number) => post('/api/v1/bench/insert', { body: `벤치마크 ${i}` });
    const finish = (offset: number) => (i: number) =>
      post(`/api/v1/consultations/${ids[offset + i]}/finish`, finishBody, {
        'idempotency-key': `finish-${ids[offset + i]}`,
      });
    await measure(warmUp, insert, 201);
    await measure(warmUp, finish(0), 200);

    // Baseline before and after, so drift (caches, autovacuum) does not favour either side.
    const before = await measure(requests, insert, 201);
    const finished = await measure(requests, finish(warmUp), 200);
    const after = await measure(requests, insert, 201);
    const baseline = (before.perSecond + after.perSecond) / 2;
    const ratio = finished.perSecond / baseline;
    const line = (label: string, m: { perSecond: number; p50: number; p99: number }) =>
      console.log(
        `${label.padEnd(44)} ${m.perSecond.toFixed(1).padStart(10)} /s  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms`,
      );
    console.log(`━━ finish (${kind}, ${requests} requests, ${concurrency} in flight)`);
    line('bare INSERT endpoint (baseline, before)', before);
    line('bare INSERT endpoint (baseline, after)', after);
    line('finish (transfer path, one request)', finished);
    console.log(
      `${'finish ÷ bare INSERT'.padEnd(44)} ${ratio.toFixed(3).padStart(10)} ×  (target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
  } finally {
    await app.close();
    await jobRunner.stop();
    await ctx.events.close();
    await database.close();
    await created?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (options.only !== 'postgres') await runOn('pglite');
if (options.only !== 'pglite') {
  let cluster: TestPostgres | null = null;
  let adminUrl = options['database-url'] ?? process.env.IEUM_BENCH_DATABASE_URL;
  if (!adminUrl) {
    cluster = await startTestPostgres();
    adminUrl = cluster?.url;
  }
  if (adminUrl) {
    try {
      await runOn('postgres', adminUrl);
    } finally {
      cluster?.stop();
    }
  } else {
    console.log('━━ finish (postgres): skipped — no PostgreSQL installed; set IEUM_BENCH_DATABASE_URL');
  }
}
