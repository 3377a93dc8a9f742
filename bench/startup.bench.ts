/**
 * Restarts: from spawning the server `npm start` runs (`node dist/server/main.mjs`, the bundle, built
 * first if stale, with the embedded database's migrated template — as prestart does — and not
 * timed) to the first 200 from GET /healthz, on a fresh data directory (first start: the database
 * copied from the template, the start-up passes run) and on the same directory
 * again (next start), as an agent waits after a restart. The next start from the sources
 * (`node src/server/main.ts`: `npm run dev`, the tests) is printed beside it, without a target.
 *
 *   node bench/startup.bench.ts              PGlite; also PostgreSQL with IEUM_BENCH_DATABASE_URL
 *   --runs N (default 3)                     starts of each kind; the median is printed
 *
 * Baseline in the same run: a bare Node process starting a Fastify server with one /healthz route.
 * Targets: next start ≤ 1 s, first start ≤ 2 s (PGlite).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchDatabase } from './support/createBenchDatabase.ts';
import { percentile } from './support/percentile.ts';

const NEXT_TARGET_MS = 1000;
const FIRST_TARGET_MS = 2000;
const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(options.runs);
const root = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/** Spawns `args` with `env` and the port, and measures until /healthz answers 200; then stops it. */
async function timeStart(args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  try {
    for (;;) {
      if (exited) throw new Error(`${args.join(' ')} exited before answering /healthz`);
      if (performance.now() - started > 120_000) throw new Error('no /healthz within 120 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
  }
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const line = (label: string, ms: number, extra: string) =>
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms  ${extra}`);

const bareDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-bare-'));
const bareServer = path.join(bareDir, 'bare.mjs');
writeFileSync(
  bareServer,
  `import Fastify from ${JSON.stringify(new URL('../node_modules/fastify/fastify.js', import.meta.url).href)};
const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`,
);

// Starts are short and CPU-bound: on a shared machine the figures follow the load, printed beside them.
const loadAverage = () => loadavg()[0]?.toFixed(2) ?? '?';
console.log(`━━ start to /healthz (median of ${runs}; load average ${loadAverage()} at the start)`);
const bare: number[] = [];
for (let i = 0; i < runs; i++) bare.push(await timeStart([bareServer], {}));
const baseline = median(bare);
line('bare Node + Fastify (baseline)', baseline, '');

const common = {
  IEUM_WEB_DIR: '/nonexistent',
  LOG_LEVEL: 'warn',
  IEUM_PURGE_INTERVAL_MINUTES: '0',
};

const bundled = ['dist/server/main.mjs'];
const fromSources = ['src/server/main.ts'];
const built = spawnSync(process.execPath, ['scripts/buildServerIfStale.ts'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('the server bundle could not be built');
const template = spawnSync(process.execPath, ['scripts/buildPgliteTemplateIfStale.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (template.status !== 0) throw new Error('the embedded database template could not be built');

async function measure(
  kind: string,
  target: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>,
) {
  const first: number[] = [];
  const next: number[] = [];
  const nextFromSources: number[] = [];
  // The starts from the sources come after every bundled one: such a start loads hundreds of files
  // and, stopping, writes their compiled code to Node's compile cache, and the disk still flushing
  // that would be charged to the bundled start after it.
  for (let i = 0; i < runs; i++) {
    const { env, drop } = await target();
    try {
      first.push(await timeStart(bundled, { ...common, ...env }));
      next.push(await timeStart(bundled, { ...common, ...env }));
    } finally {
      await drop();
    }
  }
  for (let i = 0; i < runs; i++) {
    const { env, drop } = await target();
    try {
      await timeStart(bundled, { ...common, ...env });
      nextFromSources.push(await timeStart(fromSources, { ...common, ...env }));
    } finally {
      await drop();
    }
  }
  const firstMs = median(first);
  const nextMs = median(next);
  line(
    `first start (${kind}, fresh data)`,
    firstMs,
    `${(firstMs / FIRST_TARGET_MS).toFixed(3)}× of the ${FIRST_TARGET_MS} ms target; ${(firstMs / baseline).toFixed(2)}× the baseline`,
  );
  line(
    `next start (${kind})`,
    nextMs,
    `${(nextMs / NEXT_TARGET_MS).toFixed(3)}× of the ${NEXT_TARGET_MS} ms target; ${(nextMs / baseline).toFixed(2)}× the baseline`,
  );
  const sourcesMs = median(nextFromSources);
  line(
    `next start (${kind}, from the sources)`,
    sourcesMs,
    `${(sourcesMs / baseline).toFixed(2)}× the baseline`,
  );
}

await measure('PGlite', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-start-'));
  return {
    env: { IEUM_DATA_DIR: dataDir, IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
const adminUrl = process.env.IEUM_BENCH_DATABASE_URL;
if (adminUrl) {
  await measure('PostgreSQL', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-start-'));
    const database = await createBenchDatabase(adminUrl);
    return {
      env: {
        IEUM_DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
      drop: async () => {
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  });
} else {
  console.log('(PostgreSQL: set IEUM_BENCH_DATABASE_URL to measure it too)');
}
console.log(`(load average ${loadAverage()} at the end)`);
rmSync(bareDir, { recursive: true, force: true });
