/**
 * Transfer filing throughput and live-queue fan-out latency, over loopback HTTP against a real server.
 *
 *   node bench/transfers.bench.ts                       embedded PGlite in a temporary directory
 *   node bench/transfers.bench.ts --database-url URL    a PostgreSQL database (created and dropped)
 *   --transfers N (default 300)  --clients N (default 200)  --concurrency N (default 8)
 *
 * Prints transfers filed per second (POST /api/v1/transfers, each with an Idempotency-Key) and the
 * p50/p99/max time from sending the POST to the `transfer.filed` event reaching each of the
 * connected SSE clients (GET /api/v1/events), plus the ratio of p99 to the 1 s live-queue target.
 * Every loop is bounded; the server, clients and database are torn down at the end.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createLogger } from '../src/server/createLogger.ts';
import { readEnv } from '../src/server/env.ts';
import { createApiToken } from '../src/server/services/users/createApiToken.ts';
import { createUser } from '../src/server/services/users/createUser.ts';
import { startServer } from '../src/server/startServer.ts';

const P99_TARGET_MS = 1000;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    transfers: { type: 'string', default: '300' },
    clients: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
  },
});
const transferCount = Number(options.transfers);
const clientCount = Number(options.clients);
const concurrency = Number(options.concurrency);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
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

const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-'));
const database = options['database-url'] ? await createDatabase(options['database-url']) : null;
const env = readEnv({
  PORT: '0',
  HOST: '127.0.0.1',
  IEUM_DATA_DIR: dataDir,
  IEUM_WEB_DIR: '/nonexistent',
  LOG_LEVEL: 'warn',
  IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  // A fixed weekday morning so SLA figures are the same on every run.
  IEUM_FAKE_NOW: '2026-11-25T10:00:00+09:00',
  ...(database ? { DATABASE_URL: database.url } : {}),
});
const server = await startServer(env, createLogger('warn'));
const ctx = server.ctx;
console.log(
  `━━ transfers (${ctx.database.kind}, ${clientCount} SSE clients, ${transferCount} transfers, ${concurrency} in flight)`,
);

async function tokenFor(role: 'agent' | 'backoffice'): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@bench.test`;
  await createUser(
    ctx,
    { email, name: `${role} bench`, role, password: 'correct horse battery' },
    { id: null },
  );
  return (await createApiToken(ctx, { email }, { id: null })).token;
}
const agentToken = await tokenFor('agent');
const handlerToken = await tokenFor('backoffice');

// transferId → arrival times (performance.now()) at each client.
const arrivals = new Map<string, number[]>();
const abort = new AbortController();
let connected = 0;
async function runClient(): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/events`, {
    headers: { authorization: `Bearer ${handlerToken}` },
    signal: abort.signal,
  });
  if (!response.body) throw new Error('no event stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let counted = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    if (!counted && buffer.includes(': connected')) {
      counted = true;
      connected += 1;
    }
    const messages = buffer.split('\n\n');
    buffer = messages.pop() ?? '';
    for (const message of messages) {
      if (!message.includes('event: transfer.filed')) continue;
      const at = performance.now();
      const data = message.split('\n').find((line) => line.startsWith('data: '));
      const transferId = data ? JSON.parse(data.slice(6)).transferId : undefined;
      if (typeof transferId === 'string') {
        const list = arrivals.get(transferId) ?? [];
        list.push(at);
        arrivals.set(transferId, list);
      }
    }
  }
}
const clients = Array.from({ length: clientCount }, () => runClient().catch(() => {}));
for (let i = 0; i < 500 && connected < clientCount; i++) await new Promise((r) => setTimeout(r, 10));
if (connected < clientCount) throw new Error(`only ${connected} of ${clientCount} SSE clients connected`);

const sentAt = new Map<string, number>();
let next = 0;
async function fileLoop(): Promise<void> {
  while (next < transferCount) {
    const i = next++;
    const started = performance.now();
    const response = await fetch(`${server.url}/api/v1/transfers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${agentToken}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        inquiryType: (i % 9) + 1,
        companyName: '벤치상사',
        contactName: '홍길동',
        phone: '010-1234-5678',
        inquiry: `벤치마크 이관 ${i}`,
      }),
    });
    if (response.status !== 201)
      throw new Error(`filing failed: ${response.status} ${await response.text()}`);
    const body: unknown = await response.json();
    const id = typeof body === 'object' && body !== null && 'id' in body ? String(body.id) : '';
    sentAt.set(id, started);
  }
}
const filingStarted = performance.now();
await Promise.all(Array.from({ length: concurrency }, fileLoop));
const filingSeconds = (performance.now() - filingStarted) / 1000;

// Wait (bounded) for every event to reach every client.
const expected = transferCount * clientCount;
const received = () => [...arrivals.values()].reduce((sum, list) => sum + list.length, 0);
for (let i = 0; i < 1000 && received() < expected; i++) await new Promise((r) => setTimeout(r, 10));

const latencies: number[] = [];
for (const [id, started] of sentAt) {
  for (const at of arrivals.get(id) ?? []) latencies.push(at - started);
}
latencies.sort((a, b) => a - b);
const p50 = percentile(latencies, 50);
const p99 = percentile(latencies, 99);
console.log(
  `${'transfers filed per second'.padEnd(44)} ${(transferCount / filingSeconds).toFixed(1).padStart(10)} /s  (${transferCount} in ${filingSeconds.toFixed(2)} s)`,
);
console.log(`${'events delivered'.padEnd(44)} ${String(received()).padStart(10)} of ${expected}`);
console.log(
  `${'filing → event at each SSE client'.padEnd(44)} p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms  (p99 ${(p99 / P99_TARGET_MS).toFixed(3)}× of the ${P99_TARGET_MS} ms target)`,
);

abort.abort();
await Promise.all(clients);
await server.stop();
await database?.drop();
rmSync(dataDir, { recursive: true, force: true });
