/**
 * Scaling out: 1, 2 and 4 ieum instances (separate processes, `src/server/main.ts`) on one
 * PostgreSQL database. For each, consultations finished per second (POST
 * /api/v1/consultations/{id}/finish on a transfer path, `--concurrency` in flight, sent round-robin
 * to the instances as a proxy would), then the live-event latency at a steady rate of finishes
 * (`--rate`, else half of what the first step, one instance, just managed; the same rate for every
 * step, so it shows the fan-out, not a saturated queue): from
 * sending a finish to its `transfer.filed` event reaching each SSE client, the clients spread over
 * the instances too, so most events cross instances through PostgreSQL NOTIFY. Printed as ratios
 * to one instance, measured in the same run (one instance before and after the others, averaged,
 * so drift favours no side).
 *
 *   node bench/scale.bench.ts
 *   --database-url URL   PostgreSQL superuser URL (default IEUM_BENCH_DATABASE_URL, else a throwaway
 *                        cluster when the PostgreSQL server binaries are installed, else skipped)
 *   --instances 1,2,4    --requests N (default 300 per step)   --concurrency N (default 16)
 *   --clients N (default 20 SSE clients)   --rate N (finishes/s; default half of one instance's)
 *   --rate-requests N (default 100)
 *
 * The load generator runs on the same machine as the instances and the database: on a machine
 * with fewer cores than instances the figures show contention, not the design's ceiling.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openEventStream } from '../test/helpers/openEventStream.ts';
import { type ServerProcess, startServerProcess } from '../test/helpers/startServerProcess.ts';
import { createBenchDatabase } from './support/createBenchDatabase.ts';
import { percentile } from './support/percentile.ts';
import { resolveBenchPostgres } from './support/resolveBenchPostgres.ts';
import { transferPathFinishBody } from './support/transferPathFinishBody.ts';

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    instances: { type: 'string', default: '1,2,4' },
    requests: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '16' },
    clients: { type: 'string', default: '20' },
    rate: { type: 'string' },
    'rate-requests': { type: 'string', default: '100' },
  },
});
const steps = options.instances.split(',').map(Number);
const requests = Number(options.requests);
const concurrency = Number(options.concurrency);
const clientCount = Number(options.clients);
// Fixed by the first step when not given, then the same for every step.
let rate: number | null = options.rate ? Number(options.rate) : null;
const rateRequests = Number(options['rate-requests']);
const root = path.resolve(import.meta.dirname, '..');

type StepResult = {
  instances: number;
  perSecond: number;
  p50: number;
  p99: number;
  events: number;
  /** Deliveries that did not arrive within 10 s of the last finish. */
  lost: number;
  /** Finishes per second of the latency phase. */
  rate: number;
};

/** Runs the CLI against the bench database; returns its last output line. */
function cli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    env,
    input,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ieum ${args.join(' ')}: ${result.stderr}${result.stdout}`);
  return result.stdout.trim().split('\n').at(-1) ?? '';
}

/** Opens an SSE client; records when each `transfer.filed` event arrives, by transfer id. */
async function openClient(
  base: string,
  token: string,
  signal: AbortSignal,
  arrivals: Map<string, number[]>,
): Promise<void> {
  await openEventStream(base, `Bearer ${token}`, {
    signal,
    onEvent: (event, receivedAt) => {
      const id = event.type === 'transfer.filed' ? event.data.transferId : undefined;
      if (typeof id !== 'string') return;
      const list = arrivals.get(id) ?? [];
      list.push(receivedAt);
      arrivals.set(id, list);
    },
  });
}

async function runStep(
  instanceCount: number,
  env: NodeJS.ProcessEnv,
  tokens: { agent: string; backoffice: string },
): Promise<StepResult> {
  const dirs = Array.from({ length: instanceCount }, () =>
    mkdtempSync(path.join(os.tmpdir(), 'ieum-bench-scale-')),
  );
  const instances: ServerProcess[] = [];
  const abort = new AbortController();
  try {
    // All at once, as a deployment starts them.
    instances.push(
      ...(await Promise.all(
        dirs.map((dir) =>
          startServerProcess({ ...env, IEUM_DATA_DIR: dir }, undefined, { readyWithinMs: 180_000 }),
        ),
      )),
    );
    const baseOf = (i: number) => instances[i % instances.length]?.base ?? '';
    const headers = { authorization: `Bearer ${tokens.agent}`, 'content-type': 'application/json' };
    const arrivals = new Map<string, number[]>();
    for (let i = 0; i < clientCount; i++)
      await openClient(baseOf(i), tokens.backoffice, abort.signal, arrivals);

    const warmUp = 10 * instanceCount;
    const total = warmUp + requests + rateRequests;
    const ids: string[] = [];
    let nextStart = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (nextStart < total) {
          const i = nextStart++;
          const started = await fetch(`${baseOf(i)}/api/v1/consultations`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ channel: 'call' }),
          });
          if (started.status !== 201) throw new Error(`start: ${started.status} ${await started.text()}`);
          ids[i] = z.object({ id: z.string() }).parse(await started.json()).id;
        }
      }),
    );
    const sentAt = new Map<string, number>();
    const finish = async (i: number): Promise<void> => {
      const id = ids[i] ?? '';
      const started = performance.now();
      const response = await fetch(`${baseOf(i)}/api/v1/consultations/${id}/finish`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `finish-${id}` },
        body: JSON.stringify(transferPathFinishBody),
      });
      if (response.status !== 200) throw new Error(`finish: ${response.status} ${await response.text()}`);
      const answer = z
        .object({ transfer: z.object({ id: z.string() }).nullable() })
        .parse(await response.json());
      if (!answer.transfer) throw new Error('finish filed no transfer');
      sentAt.set(answer.transfer.id, started);
    };
    const drive = async (from: number, count: number): Promise<number> => {
      let next = from;
      const worker = async () => {
        while (next < from + count) await finish(next++);
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: concurrency }, worker));
      return count / ((performance.now() - started) / 1000);
    };
    await drive(0, warmUp);
    const perSecond = await drive(warmUp, requests);
    // Latency at a steady rate: one finish every 1/rate s, whatever the answers' pace.
    rate ??= Math.max(1, Math.floor(perSecond / 2));
    const steadyRate = rate;
    sentAt.clear();
    const from = warmUp + requests;
    const steady: Promise<void>[] = [];
    let failure: unknown = null;
    const begun = performance.now();
    for (let i = 0; i < rateRequests; i++) {
      const due = begun + (i * 1000) / steadyRate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // Caught here and rethrown below: a rejection left waiting would end the process with the
      // instances still running.
      steady.push(
        finish(from + i).catch((error: unknown) => {
          failure ??= error;
        }),
      );
    }
    await Promise.all(steady);
    if (failure) throw failure;
    // Every client should see every event; wait (bounded) for the last ones in flight.
    const expected = rateRequests * clientCount;
    const count = () => [...sentAt.keys()].reduce((sum, id) => sum + (arrivals.get(id)?.length ?? 0), 0);
    for (let waited = 0; count() < expected && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const latencies: number[] = [];
    for (const [id, started] of sentAt) for (const at of arrivals.get(id) ?? []) latencies.push(at - started);
    latencies.sort((a, b) => a - b);
    return {
      instances: instanceCount,
      perSecond,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      events: latencies.length,
      lost: expected - latencies.length,
      rate: steadyRate,
    };
  } finally {
    abort.abort();
    await Promise.all(instances.map((instance) => instance.kill('SIGTERM')));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const postgres = await resolveBenchPostgres(options['database-url']);
if (!postgres) {
  console.log(
    '━━ scale: skipped — several instances need PostgreSQL: set IEUM_BENCH_DATABASE_URL, or install the Debian package postgresql',
  );
  process.exit(0);
}
const database = await createBenchDatabase(postgres.adminUrl);
try {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('IEUM_') && key !== 'DATABASE_URL'),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    DATABASE_URL: database.url,
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IEUM_WEB_DIR: '/nonexistent',
    IEUM_FAKE_NOW: '2026-11-25T10:00:00+09:00',
    IEUM_PURGE_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
  };
  const tokens = { agent: '', backoffice: '' };
  for (const role of ['agent', 'backoffice'] as const) {
    const email = `${role}@scale.bench`;
    cli(
      env,
      ['user', 'create', '--email', email, '--name', `${role} bench`, '--role', role, '--password-stdin'],
      'correct horse battery staple\n',
    );
    tokens[role] = cli(env, ['token', 'create', '--email', email]);
  }
  console.log(
    `━━ scale (PostgreSQL, ${os.cpus().length} cores; per step ${requests} finishes ${concurrency} in flight round-robin, then ${rateRequests} at a steady rate; ${clientCount} SSE clients spread over the instances)`,
  );
  // One instance first and again last: the baseline is their mean.
  const order = [...steps, ...(steps[0] === 1 ? [1] : [])];
  const results: StepResult[] = [];
  for (const count of order) {
    const result = await runStep(count, env, tokens);
    results.push(result);
    console.log(
      `${`${count} instance${count === 1 ? '' : 's'}`.padEnd(12)} ${result.perSecond.toFixed(1).padStart(8)} finishes/s   at ${result.rate}/s: finish → event p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  (${result.events} deliveries${result.lost ? `, ${result.lost} LOST` : ''})`,
    );
  }
  const ones = results.filter((result) => result.instances === 1);
  const mean = (pick: (result: StepResult) => number) =>
    ones.reduce((sum, result) => sum + pick(result), 0) / Math.max(1, ones.length);
  const base = { perSecond: mean((r) => r.perSecond), p99: mean((r) => r.p99) };
  console.log(`\nratios to one instance (mean of ${ones.length} one-instance runs):`);
  for (const count of steps.filter((count) => count !== 1)) {
    const result = results.find((r) => r.instances === count);
    if (!result) continue;
    console.log(
      `${`${count} instances`.padEnd(12)} finishes/s ${(result.perSecond / base.perSecond).toFixed(2)}× (linear would be ${count}×)   event p99 ${(result.p99 / base.p99).toFixed(2)}× (1× = no worse)`,
    );
  }
  if (steps.some((count) => count > os.cpus().length))
    console.log(
      `note: ${os.cpus().length} cores run the instances, PostgreSQL and this load generator; more instances than cores cannot add throughput here.`,
    );
} finally {
  await database.drop();
  postgres.release();
}
