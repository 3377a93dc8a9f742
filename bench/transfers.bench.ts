/**
 * Transfer filing throughput and live-queue fan-out latency, over loopback HTTP against a real server.
 *
 *   node bench/transfers.bench.ts                       embedded PGlite in a temporary directory
 *   node bench/transfers.bench.ts --database-url URL    a PostgreSQL database (created and dropped)
 *   --transfers N (default 300)  --clients N (default 200)  --concurrency N (default 8)
 *   --rate N (default 50)  --many-clients N (default 1000)  --many-rate N (default 10)  --seconds N (default 10)
 *
 * 1. Throughput: transfers filed per second (POST /api/v1/transfers, each with an Idempotency-Key,
 *    `concurrency` in flight) with `clients` SSE clients (GET /api/v1/events) connected, and the
 *    time from sending each POST to its `transfer.filed` event at each client.
 * 2. Fan-out at a fixed filing rate (filings sent on a clock, whatever the answers, as agents file):
 *    `clients` clients at `rate` filings/s, then `many-clients` at `many-rate` (the same events per
 *    second delivered in total), filing → event at every client p50/p99/max against the 100 ms
 *    target. Baseline in the same run, same clients and rate: a bare Fastify broadcast on the same
 *    server (POST writes the same message to every open stream: no database, no hub), the floor of
 *    HTTP + SSE on this machine; the ratio to it is the cost of ieum's filing and fan-out.
 * The SSE clients run in child processes (500 per process), so their parsing is not charged to the
 * server's event loop. Every loop is bounded; the server, clients and database are torn down.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import { percentile } from './support/percentile.ts';
import { startBenchServer } from './support/startBenchServer.ts';
import { startSseClients } from './support/startSseClients.ts';

const THROUGHPUT_P99_TARGET_MS = 1000;
const FAN_OUT_P99_TARGET_MS = 100;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    transfers: { type: 'string', default: '300' },
    clients: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    rate: { type: 'string', default: '50' },
    'many-clients': { type: 'string', default: '1000' },
    'many-rate': { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
  },
});
const transferCount = Number(options.transfers);
const clientCount = Number(options.clients);
const concurrency = Number(options.concurrency);
const seconds = Number(options.seconds);

// The baseline: a bare broadcast beside the app's routes (no authentication, database or hub).
const bareStreams = new Set<ServerResponse>();
const server = await startBenchServer({
  adminUrl: options['database-url'],
  routes: async (app) => {
    app.get('/bench/bare/events', (_request, reply) => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      raw.write('retry: 2000\n: connected\n\n');
      bareStreams.add(raw);
      raw.on('close', () => bareStreams.delete(raw));
    });
    let nextId = 0;
    app.post('/bench/bare/transfers', async (_request, reply) => {
      const id = randomUUID();
      nextId += 1;
      const frame = `id: ${nextId}\nevent: transfer.filed\ndata: ${JSON.stringify({ transferId: id, at: new Date().toISOString() })}\n\n`;
      for (const raw of bareStreams) raw.write(frame);
      return reply.code(201).send({ id });
    });
  },
});
const kind = server.ctx.database.kind;
const agentToken = await server.tokenFor('agent');
const handlerToken = await server.tokenFor('backoffice');
// Wall-clock milliseconds: the clients run in other processes, whose performance clocks start elsewhere.
const now = () => Date.now();

type Target = { name: string; events: string; file: string; authorization?: string; filer?: string };
const ieum: Target = {
  name: 'ieum',
  events: `${server.url}/api/v1/events`,
  file: `${server.url}/api/v1/transfers`,
  authorization: `Bearer ${handlerToken}`,
  filer: `Bearer ${agentToken}`,
};
const bare: Target = {
  name: 'bare broadcast',
  events: `${server.url}/bench/bare/events`,
  file: `${server.url}/bench/bare/transfers`,
};

let filed = 0;
/** Files one transfer; resolves to its id. */
async function fileTransfer(target: Target): Promise<string> {
  const i = filed++;
  const response = await fetch(target.file, {
    method: 'POST',
    headers: {
      ...(target.filer ? { authorization: target.filer } : {}),
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
  if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${await response.text()}`);
  const body: unknown = await response.json();
  return typeof body === 'object' && body !== null && 'id' in body ? String(body.id) : '';
}

type Latencies = { sorted: number[]; delivered: number; expected: number; cpuMsPerFiling?: number };

/** Waits (bounded) for every filing to reach every client, then each arrival's time after its POST. */
async function collect(
  clients: Awaited<ReturnType<typeof startSseClients>>,
  sentAt: Map<string, number>,
  count: number,
): Promise<Latencies> {
  const expected = sentAt.size * count;
  let arrivals = new Map<string, number[]>();
  const merge = (more: Map<string, number[]>) => {
    for (const [id, times] of more) arrivals.set(id, [...(arrivals.get(id) ?? []), ...times]);
  };
  const delivered = () => [...sentAt.keys()].reduce((sum, id) => sum + (arrivals.get(id)?.length ?? 0), 0);
  merge(await clients.report());
  for (let i = 0; i < 100 && delivered() < expected; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    merge(await clients.report());
  }
  const sorted: number[] = [];
  for (const [id, started] of sentAt) for (const at of arrivals.get(id) ?? []) sorted.push(at - started);
  sorted.sort((a, b) => a - b);
  const result = { sorted, delivered: delivered(), expected };
  arrivals = new Map();
  return result;
}

const formatLatencies = (l: Latencies) =>
  `p50 ${percentile(l.sorted, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(l.sorted, 99).toFixed(1).padStart(6)} ms  max ${(l.sorted.at(-1) ?? Number.NaN).toFixed(1).padStart(6)} ms  (${l.delivered} of ${l.expected} delivered${l.cpuMsPerFiling === undefined ? '' : `; server CPU ${l.cpuMsPerFiling.toFixed(1)} ms per filing`})`;

// 1. Throughput, as the earlier runs measured it.
{
  console.log(
    `━━ transfers (${kind}, ${clientCount} SSE clients, ${transferCount} transfers, ${concurrency} in flight)`,
  );
  const clients = await startSseClients({
    url: ieum.events,
    authorization: ieum.authorization,
    count: clientCount,
    eventType: 'transfer.filed',
  });
  const sentAt = new Map<string, number>();
  let next = 0;
  const fileLoop = async () => {
    while (next < transferCount) {
      next += 1;
      const started = now();
      sentAt.set(await fileTransfer(ieum), started);
    }
  };
  const filingStarted = performance.now();
  await Promise.all(Array.from({ length: concurrency }, fileLoop));
  const filingSeconds = (performance.now() - filingStarted) / 1000;
  const latencies = await collect(clients, sentAt, clientCount);
  await clients.stop();
  const p99 = percentile(latencies.sorted, 99);
  console.log(
    `${'transfers filed per second'.padEnd(44)} ${(transferCount / filingSeconds).toFixed(1).padStart(10)} /s  (${transferCount} in ${filingSeconds.toFixed(2)} s)`,
  );
  console.log(`${'filing → event at each SSE client'.padEnd(44)} ${formatLatencies(latencies)}`);
  console.log(
    `${''.padEnd(44)} p99 ${(p99 / THROUGHPUT_P99_TARGET_MS).toFixed(3)}× of the ${THROUGHPUT_P99_TARGET_MS} ms target`,
  );
}

/** Files at a fixed rate for `seconds` with `count` clients connected to `target`. */
async function atRate(target: Target, count: number, rate: number): Promise<Latencies> {
  const clients = await startSseClients({
    url: target.events,
    authorization: target.authorization,
    count,
    eventType: 'transfer.filed',
  });
  // A short warm-up at the same rate, not measured.
  const send = async (total: number, measure: Map<string, number> | null) => {
    const interval = 1000 / rate;
    const began = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const wait = began + i * interval - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const started = now();
      inFlight.push(
        fileTransfer(target).then((id) => {
          measure?.set(id, started);
        }),
      );
    }
    await Promise.all(inFlight);
  };
  await send(Math.ceil(rate / 2), null);
  await collect(clients, new Map(), count);
  const sentAt = new Map<string, number>();
  const cpu = process.cpuUsage();
  await send(Math.round(rate * seconds), sentAt);
  const latencies = await collect(clients, sentAt, count);
  const used = process.cpuUsage(cpu);
  await clients.stop();
  // The server's process (with the filer's requests, and the collecting): less sensitive to other
  // load on the machine than the latencies.
  return { ...latencies, cpuMsPerFiling: (used.user + used.system) / 1000 / sentAt.size };
}

// 2. Fan-out at a fixed filing rate, against the bare broadcast.
for (const [count, rate] of [
  [clientCount, Number(options.rate)],
  [Number(options['many-clients']), Number(options['many-rate'])],
] as const) {
  console.log(`\n━━ live fan-out (${kind}): ${count} SSE clients, ${rate} filings/s for ${seconds} s`);
  const baseline = await atRate(bare, count, rate);
  console.log(`${'bare Fastify broadcast (baseline)'.padEnd(44)} ${formatLatencies(baseline)}`);
  const measured = await atRate(ieum, count, rate);
  console.log(`${'filing → event at every client'.padEnd(44)} ${formatLatencies(measured)}`);
  const p99 = percentile(measured.sorted, 99);
  const p50 = percentile(measured.sorted, 50);
  console.log(
    `${''.padEnd(44)} p99 ${(p99 / FAN_OUT_P99_TARGET_MS).toFixed(3)}× of the ${FAN_OUT_P99_TARGET_MS} ms target; ${(p50 / percentile(baseline.sorted, 50)).toFixed(2)}× (p50), ${(p99 / percentile(baseline.sorted, 99)).toFixed(2)}× (p99) the baseline`,
  );
}

await server.stop();
