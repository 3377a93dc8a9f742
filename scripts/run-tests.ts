// `npm test`: every check and test of the project, in order, ending with one plain line
// "N passed, N failed" that CI reads (Vitest's and Playwright's own summaries are not read).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureSystemPackages } from './test/ensureSystemPackages.ts';
import { startTestPostgres, type TestPostgres } from './test/startTestPostgres.ts';

type Stage = { name: string; passed: number; failed: number; skipped: number; note?: string };
const stages: Stage[] = [];
const bin = (name: string) => `node_modules/.bin/${name}`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function numberAt(value: unknown, key: string): number {
  if (typeof value !== 'object' || value === null || !(key in value)) return 0;
  const found: unknown = Reflect.get(value, key);
  return typeof found === 'number' ? found : 0;
}

function check(name: string, command: string, args: string[]): void {
  console.log(`\n━━ ${name}`);
  const status = run(command, args);
  stages.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0 });
}

fs.mkdirSync('test-results', { recursive: true });
const missing = ensureSystemPackages();

check('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']);
check('lint (biome check)', bin('biome'), ['check', '.']);
check('guide suggestion eval (held-out top-1 ≥ 90%, top-3 ≥ 98%)', process.execPath, ['scripts/eval.ts']);

let postgres: TestPostgres | null = null;
// Kept until the end-to-end tests have run: e2e/scale.spec.ts runs two instances on it.
const stopPostgres = (): void => {
  postgres?.stop();
  postgres = null;
};
process.on('exit', stopPostgres);
let databaseUrl = process.env.IEUM_TEST_DATABASE_URL;
if (!databaseUrl) {
  try {
    postgres = await startTestPostgres();
    databaseUrl = postgres?.url;
  } catch (error) {
    console.warn(
      `Could not start a test PostgreSQL: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
const pgNote = databaseUrl ? 'PGlite and PostgreSQL' : 'PGlite only (no PostgreSQL server installed)';
try {
  console.log(`\n━━ unit and integration tests (vitest; databases: ${pgNote})`);
  fs.rmSync('test-results/vitest.json', { force: true });
  const status = run(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    {
      ...(databaseUrl ? { IEUM_TEST_DATABASE_URL: databaseUrl } : {}),
    },
  );
  const report = readJson('test-results/vitest.json');
  const passed = numberAt(report, 'numPassedTests');
  const failed =
    numberAt(report, 'numFailedTests') +
    (report === null || (status !== 0 && numberAt(report, 'numFailedTests') === 0) ? 1 : 0);
  stages.push({
    name: 'vitest',
    passed,
    failed,
    skipped: numberAt(report, 'numPendingTests') + numberAt(report, 'numTodoTests'),
    note: pgNote,
  });
} catch (error) {
  stopPostgres();
  throw error;
}

console.log('\n━━ web build (vite build)');
const built = run(bin('vite'), ['build', '--logLevel', 'warn']);
stages.push({ name: 'web build', passed: built === 0 ? 1 : 0, failed: built === 0 ? 0 : 1, skipped: 0 });

if (missing.includes('chromium') || missing.includes('fonts-nanum')) {
  console.log('\n━━ end-to-end tests skipped: Chromium or Korean fonts are missing (see above)');
  stages.push({ name: 'playwright', passed: 0, failed: 1, skipped: 0, note: 'browser missing' });
} else if (built === 0) {
  console.log('\n━━ end-to-end tests (Playwright, Debian Chromium)');
  fs.rmSync('test-results/e2e.json', { force: true });
  const status = run(bin('playwright'), ['test'], databaseUrl ? { IEUM_E2E_DATABASE_URL: databaseUrl } : {});
  const stats = readJson('test-results/e2e.json');
  const summary = typeof stats === 'object' && stats !== null && 'stats' in stats ? stats.stats : null;
  const passed = numberAt(summary, 'expected') + numberAt(summary, 'flaky');
  const failed =
    numberAt(summary, 'unexpected') +
    (summary === null || (status !== 0 && numberAt(summary, 'unexpected') === 0) ? 1 : 0);
  stages.push({ name: 'playwright', passed, failed, skipped: numberAt(summary, 'skipped') });
}

stopPostgres();

console.log('\n━━ summary');
for (const stage of stages) {
  console.log(
    `  ${stage.failed ? '✗' : '✓'} ${stage.name}: ${stage.passed} passed, ${stage.failed} failed${stage.skipped ? `, ${stage.skipped} skipped` : ''}${stage.note ? ` (${stage.note})` : ''}`,
  );
}
const total = stages.reduce(
  (sum, s) => ({
    passed: sum.passed + s.passed,
    failed: sum.failed + s.failed,
    skipped: sum.skipped + s.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
if (total.skipped) console.log(`(${total.skipped} skipped: tests that apply to the other database only)`);
// The last line is read by CI: exactly "N passed, N failed".
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
