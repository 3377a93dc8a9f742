/**
 * CTI screen pop: from a PBX's `answer` (POST /api/v1/cti/{token}) to the `call.answered` event at
 * the answering agent's live event stream (an SSE client, as the console's EventSource), over
 * loopback HTTP against a real server. Target: p99 under 1 s (the "pops within 1 s").
 * Baseline in the same run: the console starting a call itself (POST /api/v1/consultations), the
 * core the answer runs inside its transaction.
 *
 *   node bench/cti.bench.ts                       embedded PGlite in a temporary directory
 *   node bench/cti.bench.ts --database-url URL    a PostgreSQL database (created and dropped)
 *   --calls N (default 200)
 */
import { parseArgs } from 'node:util';
import { createCtiToken } from '../src/server/services/cti/createCtiToken.ts';
import { createApiToken } from '../src/server/services/users/createApiToken.ts';
import { createUser } from '../src/server/services/users/createUser.ts';
import { openEventStream } from '../test/helpers/openEventStream.ts';
import { percentile } from './support/percentile.ts';
import { startBenchServer } from './support/startBenchServer.ts';

const TARGET_MS = 1000;
const { values: options } = parseArgs({
  options: { 'database-url': { type: 'string' }, calls: { type: 'string', default: '200' } },
});
const calls = Number(options.calls);

/** An SSE client on GET /api/v1/events that hands each `call.answered` to the waiting measurement. */
async function openPopStream(url: string, token: string) {
  // The measurement waiting for the next pop (one call at a time).
  const waiting: { resolve: ((at: number) => void) | null } = { resolve: null };
  const stream = await openEventStream(url, `Bearer ${token}`, {
    onEvent: (event, receivedAt) => {
      const resolve = waiting.resolve;
      if (event.type === 'call.answered' && resolve) {
        waiting.resolve = null;
        resolve(receivedAt);
      }
    },
  });
  return {
    next: () =>
      new Promise<number>((resolve) => {
        waiting.resolve = resolve;
      }),
    close: stream.close,
  };
}

async function run(label: string, adminUrl: string | undefined): Promise<void> {
  const server = await startBenchServer({ adminUrl });
  try {
    const { ctx, url } = server;
    const email = 'cti-agent@bench.test';
    await createUser(
      ctx,
      { email, name: '벤치 상담사', role: 'agent', password: 'correct horse battery', extension: '1001' },
      { id: null },
    );
    const agentToken = (await createApiToken(ctx, { email }, { id: null })).token;
    const { token } = await createCtiToken(ctx, { name: 'bench PBX' }, { id: null });
    const stream = await openPopStream(url, agentToken);
    const post = async (body: Record<string, string>) => {
      const response = await fetch(`${url}/api/v1/cti/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`CTI ${body.event}: HTTP ${response.status}`);
    };
    const pops: number[] = [];
    const acks: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const call = {
        from: `0101234${String(i % 10_000).padStart(4, '0')}`,
        to: '16447391',
        direction: 'in',
        callId: `bench-${i}`,
      };
      await post({ event: 'newCall', ...call });
      const popped = stream.next();
      const started = performance.now();
      await post({ event: 'answer', ...call, answeringNumber: '1001' });
      acks.push(performance.now() - started);
      pops.push((await popped) - started);
      await post({ event: 'hangup', ...call, cause: 'normalClearing' });
    }
    stream.close();
    const starts: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/consultations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'call', callerNumber: '010-1234-5678' }),
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`start: HTTP ${response.status}`);
      starts.push(performance.now() - started);
    }
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const [pop, ack, start] = [sorted(pops), sorted(acks), sorted(starts)];
    const p = (values: number[], q: number) => percentile(values, q).toFixed(1).padStart(7);
    console.log(`${label}: ${calls} answered calls, one agent's SSE stream`);
    console.log(`  answer → pop at the agent's stream   p50 ${p(pop, 50)} ms  p99 ${p(pop, 99)} ms`);
    console.log(`  answer acknowledged to the PBX       p50 ${p(ack, 50)} ms  p99 ${p(ack, 99)} ms`);
    console.log(`  baseline: POST /consultations        p50 ${p(start, 50)} ms  p99 ${p(start, 99)} ms`);
    console.log(
      `  pop p99 ${(percentile(pop, 99) / TARGET_MS).toFixed(3)}× of the ${TARGET_MS} ms target; pop p50 ${(percentile(pop, 50) / percentile(start, 50)).toFixed(2)}× the baseline start`,
    );
  } finally {
    await server.stop();
  }
}

await run('PGlite', undefined);
if (options['database-url']) await run('PostgreSQL', options['database-url']);
