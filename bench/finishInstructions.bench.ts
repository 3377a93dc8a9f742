/**
 * The finish benchmark's two requests counted in CPU instructions instead of seconds: the finish
 * on the transfer path and the bare single-row INSERT endpoint, on PGlite (where the database runs
 * in this process, so it is counted too), in the same run, with their ratio.
 *
 *   node bench/finishInstructions.bench.ts      needs valgrind (Debian package `valgrind`)
 *   --per-round N (default 25)  --rounds N (default 4)
 *
 * Why: the wall-clock ratio (`finish`) moves ±15% from run to run with the machine's load, which
 * swamps a change worth 2%. valgrind's callgrind counts the instructions the process executes,
 * whatever else the machine does; with V8's optimising tiers off (`--no-opt --no-maglev
 * --liftoff-only`) and one thread, the same code counts the same from run to run (±1%). That makes
 * it the measure to compare two versions of ieum with. JavaScript weighs more here than once
 * optimised, so the ratio is not the wall-clock one: judge the target with `finish`.
 *
 * The process runs itself under valgrind. Start-up and a warm-up run with counting off (fast);
 * then each round counts a batch of each request between a zero and a dump of the counters.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bareInsertRoute } from './support/bareInsertRoute.ts';
import { openFinishBenchClient } from './support/finishBenchClient.ts';
import { startBenchServer } from './support/startBenchServer.ts';

const CONCURRENCY = 4;
const WARM_UP = 60;
/** Set in the process valgrind runs: its callgrind output directory. */
const OUTPUT_DIR_VARIABLE = 'IEUM_CALLGRIND_OUT';
/** V8 made deterministic: no optimising tiers, no background threads, a fixed GC schedule. */
const DETERMINISTIC_V8 = [
  '--single-threaded',
  '--no-opt',
  '--no-maglev',
  '--liftoff-only',
  '--predictable-gc-schedule',
  '--expose-gc',
];

// Not strict: `npm run bench` passes the options after the names to every bench it runs.
const { values: options } = parseArgs({
  strict: false,
  options: {
    'per-round': { type: 'string', default: '25' },
    rounds: { type: 'string', default: '4' },
    only: { type: 'string' },
  },
});
const perRound = Math.max(1, Number(options['per-round']) || 25);
const rounds = Math.max(1, Number(options.rounds) || 4);

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Runs this file again under callgrind, counting off until the workload turns it on. */
function runUnderCallgrind(): void {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('━━ finishInstructions: skipped — needs valgrind (Debian package valgrind)');
    return;
  }
  if (options.only === 'postgres') {
    console.log('━━ finishInstructions: skipped — it counts PGlite only (the database in this process)');
    return;
  }
  const outputDir = mkdtempSync(path.join(tmpdir(), 'ieum-callgrind-'));
  try {
    const run = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--instr-atstart=no',
        `--callgrind-out-file=${path.join(outputDir, 'out.%p')}`,
        process.execPath,
        ...DETERMINISTIC_V8,
        new URL(import.meta.url).pathname,
        ...process.argv.slice(2),
      ],
      { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, [OUTPUT_DIR_VARIABLE]: outputDir } },
    );
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      throw new Error(`the workload under valgrind exited with ${run.status}`);
    }
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

/** The workload, inside valgrind: instructions per request of each endpoint, round by round. */
async function countInstructions(outputDir: string): Promise<void> {
  const control = (flag: string) => execFileSync('callgrind_control', [flag, String(process.pid)]);
  /** The instructions counted since the last zero, from the dump just written. */
  const dumped = (): number => {
    const dumps = readdirSync(outputDir)
      .filter((name) => name.startsWith(`out.${process.pid}.`))
      .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
    const text = readFileSync(path.join(outputDir, dumps.at(-1) ?? ''), 'utf8');
    const total = /^(?:summary|totals): (\d+)/m.exec(text)?.[1];
    if (total === undefined) throw new Error('a callgrind dump without totals');
    return Number(total);
  };
  const collect = (globalThis as { gc?: () => void }).gc;

  const server = await startBenchServer({ routes: bareInsertRoute });
  try {
    const client = await openFinishBenchClient(server, WARM_UP + rounds * perRound);
    let sent = 0;
    const batch = async (side: 'insert' | 'finish', count: number) => {
      const expected = side === 'insert' ? 201 : 200;
      let left = count;
      const worker = async () => {
        while (left > 0) {
          left--;
          const response = await (side === 'insert' ? client.insert(sent++) : client.finish());
          if (response.status !== expected)
            throw new Error(`${side}: ${response.status} ${await response.text()}`);
          await response.arrayBuffer();
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    // Uncounted, then counted: the interpreter and baseline code reach their steady state.
    for (const side of ['insert', 'finish'] as const) await batch(side, WARM_UP / 2);
    control('--instr=on');
    for (const side of ['insert', 'finish'] as const) await batch(side, WARM_UP / 2);

    const counted = { insert: [] as number[], finish: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 === 0
        ? (['insert', 'finish'] as const)
        : (['finish', 'insert'] as const)) {
        collect?.();
        control('--zero');
        await batch(side, perRound);
        control('--dump');
        counted[side].push(dumped() / perRound);
      }
    }
    const millions = (value: number) => `${(value / 1e6).toFixed(2).padStart(10)} M`;
    const spread = (values: number[]) =>
      `rounds ${(Math.min(...values) / 1e6).toFixed(2)} … ${(Math.max(...values) / 1e6).toFixed(2)} M`;
    console.log(
      `━━ finishInstructions (pglite, callgrind, ${rounds} rounds of ${perRound} requests each, ${CONCURRENCY} in flight)`,
    );
    console.log(
      `${'bare INSERT endpoint (baseline)'.padEnd(44)} ${millions(median(counted.insert))} instructions/request  (${spread(counted.insert)})`,
    );
    console.log(
      `${'finish (transfer path, one request)'.padEnd(44)} ${millions(median(counted.finish))} instructions/request  (${spread(counted.finish)})`,
    );
    console.log(
      `${'bare INSERT ÷ finish (instructions)'.padEnd(44)} ${(median(counted.insert) / median(counted.finish)).toFixed(3).padStart(10)} ×  (V8 unoptimised: compare versions with it, not the target)`,
    );
  } finally {
    await server.stop();
  }
}

const outputDir = process.env[OUTPUT_DIR_VARIABLE];
if (outputDir) await countInstructions(outputDir);
else runUnderCallgrind();
