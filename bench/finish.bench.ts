/**
 * Finishing a consultation in one request (POST /api/v1/consultations/{id}/finish on a transfer
 * path: replay, record, consent, transfer with history, event and webhooks, Idempotency-Key)
 * against a bare single-row INSERT endpoint on the same app and database in the same run, as a
 * ratio (target ≥ 0.25×). Over loopback HTTP with the real authentication and schema pipeline.
 *
 *   node bench/finish.bench.ts                      PGlite (temporary directory), then PostgreSQL
 *   --database-url URL                              PostgreSQL admin URL (default IEUM_BENCH_DATABASE_URL,
 *                                                   else a throwaway cluster when PostgreSQL is installed)
 *   --requests N (default 400)  --concurrency N (default 4)  --rounds N (default 4)  --only pglite|postgres
 *
 * After a warm-up of both endpoints (the JIT and, on PGlite, the WebAssembly tiers), the two are
 * measured in alternating rounds (insert then finish, then finish then insert, …), so a drift of
 * the machine's speed during the run weighs on both alike; the ratio is of the rates over all rounds.
 */
import { parseArgs } from 'node:util';
import { bareInsertRoute } from './support/bareInsertRoute.ts';
import { openFinishBenchClient } from './support/finishBenchClient.ts';
import { percentile } from './support/percentile.ts';
import { resolveBenchPostgres } from './support/resolveBenchPostgres.ts';
import { startBenchServer } from './support/startBenchServer.ts';

const TARGET_RATIO = 0.25;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    requests: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '4' },
    only: { type: 'string' },
  },
});
const requests = Number(options.requests);
const concurrency = Number(options.concurrency);
// At least one request per round.
const rounds = Math.max(1, Math.min(Number(options.rounds), requests));

type Measured = { perSecond: number; p50: number; p99: number; cpuMs: number };

/** What one endpoint's requests took, summed over rounds. */
type Tally = { count: number; seconds: number; cpuMs: number; latencies: number[] };

const emptyTally = (): Tally => ({ count: 0, seconds: 0, cpuMs: 0, latencies: [] });

/**
 * Sends `count` requests, `concurrency` in flight, and adds their time, this process's CPU (server
 * and client are both here; on PGlite the database too — a figure that moves much less with the
 * machine's load than the rate does) and latencies to `tally`.
 */
async function measure(
  tally: Tally,
  count: number,
  send: (i: number) => Promise<Response>,
  expected: number,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      const response = await send(i);
      if (response.status !== expected) throw new Error(`${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      tally.latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  tally.seconds += (performance.now() - started) / 1000;
  tally.cpuMs += (cpu.user + cpu.system) / 1000;
  tally.count += count;
}

function summary(tally: Tally): Measured {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  return {
    perSecond: tally.count / tally.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMs: tally.cpuMs / tally.count,
  };
}

async function runOn(kind: 'pglite' | 'postgres', adminUrl?: string): Promise<void> {
  const server = await startBenchServer({
    adminUrl,
    routes: bareInsertRoute,
  });
  try {
    // Long enough for the hot paths of both endpoints to be optimised before anything is counted.
    const warmUp = 150;
    const { insert, finish } = await openFinishBenchClient(server, requests + warmUp);
    await measure(emptyTally(), warmUp, insert, 201);
    await measure(emptyTally(), warmUp, finish, 200);

    const baseline = emptyTally();
    const finishes = emptyTally();
    const roundRatios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const count = Math.floor(requests / rounds) + (round < requests % rounds ? 1 : 0);
      const before = { insert: baseline.seconds, finish: finishes.seconds };
      // Alternate which goes first, so neither always runs on the warmer (or the busier) machine.
      const order = round % 2 === 0 ? ['insert', 'finish'] : ['finish', 'insert'];
      for (const side of order) {
        if (side === 'insert') await measure(baseline, count, insert, 201);
        else await measure(finishes, count, finish, 200);
      }
      roundRatios.push((baseline.seconds - before.insert) / (finishes.seconds - before.finish));
    }
    const bare = summary(baseline);
    const finishing = summary(finishes);
    const ratio = finishing.perSecond / bare.perSecond;
    const line = (label: string, m: Measured) =>
      console.log(
        `${label.padEnd(44)} ${m.perSecond.toFixed(1).padStart(10)} /s  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  CPU ${m.cpuMs.toFixed(2)} ms/request`,
      );
    console.log(
      `━━ finish (${kind}, ${requests} requests each in ${rounds} rounds, ${concurrency} in flight)`,
    );
    line('bare INSERT endpoint (baseline)', bare);
    line('finish (transfer path, one request)', finishing);
    console.log(
      `${'finish ÷ bare INSERT'.padEnd(44)} ${ratio.toFixed(3).padStart(10)} ×  (target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    const sorted = [...roundRatios].sort((a, b) => a - b);
    console.log(
      `${'  per round (lowest … highest)'.padEnd(44)} ${(sorted[0] ?? 0).toFixed(3).padStart(10)} … ${(sorted.at(-1) ?? 0).toFixed(3)} ×`,
    );
    // The same comparison by this process's CPU: what the ratio would be were the process the
    // only limit (on PGlite it is; on PostgreSQL the database's own CPU and locks come on top).
    console.log(
      `${'bare INSERT CPU ÷ finish CPU (this process)'.padEnd(44)} ${(bare.cpuMs / finishing.cpuMs).toFixed(3).padStart(10)} ×`,
    );
  } finally {
    await server.stop();
  }
}

if (options.only !== 'postgres') await runOn('pglite');
if (options.only !== 'pglite') {
  const postgres = await resolveBenchPostgres(options['database-url']);
  if (postgres) {
    try {
      await runOn('postgres', postgres.adminUrl);
    } finally {
      postgres.release();
    }
  } else {
    console.log('━━ finish (postgres): skipped — no PostgreSQL installed; set IEUM_BENCH_DATABASE_URL');
  }
}
