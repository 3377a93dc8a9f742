/**
 * `npm run bench`: the core per-call costs (guide load, business-hours decision, flow step), then
 * every other benchmark file in bench/. Prints figures and ratios against the targets; timings
 * are never asserted in tests.
 *
 *   npm run bench                       everything
 *   npm run bench -- finish transfers   only the sections named (`core`, or a bench/<name>.bench.ts:
 *                                       finish, search, transfers, kakao, cti — CTI answer → pop p50/p99,
 *                                       scale — 1, 2 and 4 instances on one PostgreSQL, as ratios,
 *                                       webBundle — the console's initial JS in gzip,
 *                                       reports — the summary over 1,000,000 / 100,000 consultations,
 *                                       startup — first and next start to /healthz against a bare Fastify,
 *                                       finishInstructions — finish vs INSERT in CPU instructions, needs valgrind)
 *   npm run bench -- reports --only postgres --postgres-rows 200000
 *                                       options after the names go to every bench file run (see each file)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { buildHolidayTable } from '../src/domain/calendar/buildHolidayTable.ts';
import type { CalendarFacts } from '../src/domain/calendar/CalendarFacts.ts';
import { decideBusinessHours } from '../src/domain/calendar/decideBusinessHours.ts';
import { koreanHolidayPresets } from '../src/domain/calendar/koreanHolidayPresets.ts';
import { advanceFlow } from '../src/domain/flow/advanceFlow.ts';
import { describeStep } from '../src/domain/flow/describeStep.ts';
import { startFlow } from '../src/domain/flow/startFlow.ts';
import { parseGuide } from '../src/domain/guide/parseGuide.ts';

function time(label: string, iterations: number, run: (i: number) => void, targetUs?: number): number {
  for (let i = 0; i < Math.min(1000, iterations); i++) run(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < iterations; i++) run(i);
  const perCallUs = ((performance.now() - started) * 1000) / iterations;
  const ratio = targetUs ? `  (${(perCallUs / targetUs).toFixed(3)}× of the ${targetUs} µs budget)` : '';
  console.log(
    `${label.padEnd(44)} ${perCallUs.toFixed(2).padStart(10)} µs/call over ${iterations} calls${ratio}`,
  );
  return perCallUs;
}

const benchFiles = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
const sections = ['core', ...benchFiles.map((name) => name.slice(0, -'.bench.ts'.length))];
// Section names first; everything from the first option on goes to each bench file run
// (`npm run bench -- reports --only postgres --postgres-rows 200000`).
const argv = process.argv.slice(2);
const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
const wanted = firstOption === -1 ? argv : argv.slice(0, firstOption);
const passedOn = firstOption === -1 ? [] : argv.slice(firstOption);
const unknown = wanted.filter((name) => !sections.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from: ${sections.join(', ')}`);
  process.exit(2);
}
const selected = (section: string) => wanted.length === 0 || wanted.includes(section);

function runCore(): void {
  const text = readFileSync(new URL('../content/guides/business-inquiry.json', import.meta.url), 'utf8');
  console.log('━━ core (in-process, one core)');
  const loadUs = time(
    'guide load (parse + migrate + validate)',
    200,
    () => {
      if (!parseGuide(text, 'business-inquiry.json').ok) throw new Error('guide invalid');
    },
    50_000,
  );
  const parsed = parseGuide(text, 'business-inquiry.json');
  if (!parsed.ok) throw new Error('guide invalid');
  const guide = parsed.guide;

  const facts: CalendarFacts = {
    openMinute: 540,
    closeMinute: 1080,
    holidays: buildHolidayTable(koreanHolidayPresets),
    closures: [{ date: '2026-12-24', name: '창립기념일' }],
  };
  const start = Date.parse('2026-01-01T00:00:00+09:00');
  const decideUs = time(
    'business-hours decision (random instants 2026)',
    200_000,
    (i) => {
      decideBusinessHours(new Date(start + ((i * 7_919_993) % 31_536_000_000)), facts);
    },
    100,
  );

  const started = startFlow(guide, 'q1');
  if (!started.ok) throw new Error('q1 missing');
  const stepUs = time(
    'flow step (advanceFlow + describeStep)',
    100_000,
    (i) => {
      const next = advanceFlow(guide, started.state, i % 2 ? 'yes' : 'no', {
        businessHoursOpen: i % 3 === 0,
      });
      if (next.ok) describeStep(guide, next.state);
    },
    1_000,
  );
  console.log(
    `\nsummary: guide load ${(loadUs / 1000).toFixed(2)} ms; calendar ${decideUs.toFixed(2)} µs; flow step ${stepUs.toFixed(2)} µs`,
  );
}

if (selected('core')) runCore();
for (const file of benchFiles.filter((name) => selected(name.slice(0, -'.bench.ts'.length)))) {
  console.log(`\n━━ ${file}`);
  const result = spawnSync(process.execPath, [new URL(file, import.meta.url).pathname, ...passedOn], {
    stdio: 'inherit',
  });
  if (result.status !== 0) console.log(`${file} exited with ${result.status}`);
}
