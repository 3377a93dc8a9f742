// Starts one ieum server for the Playwright specs: fresh temp data directory, the e2e users created
// through the CLI, the web app built when its sources changed, and the clock fixed by IEUM_FAKE_NOW.
// Usage: node e2e/startServer.ts --port 3100 --fake-now 2026-11-25T10:00:00+09:00
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { e2eKakaoSkillToken } from './e2eKakao.ts';
import { e2eUsers } from './e2eUsers.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'fake-now': { type: 'string' },
    host: { type: 'string' },
    // A folder of guides to load beside the shipped ones (content/guides), e.g. test/fixtures/guides.
    'extra-guides': { type: 'string' },
  },
});
const port = values.port ?? '3100';
const host = values.host ?? '127.0.0.1';
const fakeNow = values['fake-now'];
const log = (message: string): void => console.log(`[e2e:${port}] ${message}`);

function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: options.env ?? process.env,
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

const builtIndex = path.join(root, 'dist/web/index.html');
const webSources = ['src/web', 'src/domain', 'src/contract', 'vite.config.ts', 'package-lock.json'].map(
  (entry) => path.join(root, entry),
);
const webIsStale = (): boolean => newestMtime(builtIndex) < Math.max(...webSources.map(newestMtime));

// Both server setups start at once; a directory lock (mkdir is atomic) lets one of them build
// while the other waits, instead of two builds writing the same dist/web.
async function buildWebIfNeeded(): Promise<void> {
  const lock = path.join(root, 'dist/.web-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    if (!webIsStale()) return;
    try {
      mkdirSync(lock);
    } catch {
      // A lock older than the slowest build is left over from a killed run.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (webIsStale()) {
        log('building the web app (vite build)');
        await run(process.execPath, [
          path.join(root, 'node_modules/vite/bin/vite.js'),
          'build',
          '--logLevel',
          'warn',
        ]);
      }
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), `ieum-e2e-${port}-`));
// IEUM_GUIDES_DIR is one folder: the shipped guides and the extra ones are copied into the data directory.
const guidesDir = values['extra-guides'] ? path.join(dataDir, 'guides') : null;
if (guidesDir && values['extra-guides']) {
  mkdirSync(guidesDir);
  for (const source of [path.join(root, 'content/guides'), path.resolve(root, values['extra-guides'])]) {
    for (const name of readdirSync(source)) {
      if (name.endsWith('.json') && !name.endsWith('.heldout.json'))
        copyFileSync(path.join(source, name), path.join(guidesDir, name));
    }
  }
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  IEUM_DATA_DIR: dataDir,
  PORT: port,
  HOST: host,
  ...(fakeNow ? { IEUM_FAKE_NOW: fakeNow } : {}),
  ...(guidesDir ? { IEUM_GUIDES_DIR: guidesDir } : {}),
  // The KakaoTalk chatbot's skill endpoint answers (kakaoHandoff.spec.ts posts Open Builder requests).
  IEUM_KAKAO_SKILL_TOKEN: e2eKakaoSkillToken,
  // Every spec signs in from 127.0.0.1, like a whole office behind one address: the specs of one
  // server sign in more than 30 times a minute (the default), and a 429 on the login page is no
  // behaviour under test.
  IEUM_LOGINS_PER_MINUTE: '1000',
};
// The specs must not inherit a PostgreSQL configuration meant for something else.
delete env.DATABASE_URL;

let server: ChildProcess | null = null;
let stopping = false;

function cleanUp(): void {
  rmSync(dataDir, { recursive: true, force: true });
}

function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  if (!server || server.exitCode !== null) {
    cleanUp();
    process.exit(0);
  }
  server.once('exit', () => {
    cleanUp();
    process.exit(0);
  });
  server.kill(signal);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

try {
  log(`data directory ${dataDir}${fakeNow ? `, clock from ${fakeNow}` : ''}`);
  await buildWebIfNeeded();
  for (const user of Object.values(e2eUsers)) {
    await run(
      process.execPath,
      [
        'src/cli/main.ts',
        'user',
        'create',
        '--email',
        user.email,
        '--name',
        user.name,
        '--role',
        user.role,
        '--password-stdin',
      ],
      { env, input: `${user.password}\n` },
    );
  }
  // The directory entry the CTI screen-pop spec identifies its caller by.
  await run(process.execPath, ['e2e/seedDirectory.ts'], { env });
  if (stopping) process.exit(0);
  // The server's output is also kept in test-results/server-<port>.log (fresh each run), which
  // e2e/serverLog.check.ts scans for personal data in clear once every spec has run.
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const serverLog = createWriteStream(path.join(root, 'test-results', `server-${port}.log`));
  server = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    serverLog.write(chunk);
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    serverLog.write(chunk);
  });
  server.on('exit', (code, signal) => {
    if (stopping) return;
    log(`server exited (${signal ?? code})`);
    cleanUp();
    process.exit(code ?? 1);
  });
} catch (error) {
  console.error(`[e2e:${port}] ${error instanceof Error ? error.message : String(error)}`);
  cleanUp();
  process.exit(1);
}
