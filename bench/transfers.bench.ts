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
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { percentile } from './support/percentile.ts';
import { startBenchServer } from './support/startBenchServer.ts';

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

const server = await startBenchServer({ adminUrl: options['database-url'] });
console.log(
  `━━ transfers (${server.ctx.database.kind}, ${clientCount} SSE clients, ${transferCount} transfers, ${concurrency} in flight)`,
);
const agentToken = await server.tokenFor('agent');
const handlerToken = await server.tokenFor('backoffice');

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
