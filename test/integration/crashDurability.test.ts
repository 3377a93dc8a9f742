import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function cli(env: NodeJS.ProcessEnv, args: string[], input = ''): string {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    env,
    input,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ieum ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

async function startApp(env: NodeJS.ProcessEnv, base: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['src/server/main.ts'], { cwd: root, env, stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).catch(() => null);
    if (ready?.ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready');
}

// The embedded database: a write the API acknowledged must still be there after the process is
// killed without warning (kill -9), and the killed process's data-directory lock must not block
// the restart.
describe('a killed server on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-crash-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and restarts on the same directory', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The embedded database even when the suite runs with DATABASE_URL set.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL'),
    );
    const env = {
      ...inherited,
      IEUM_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      IEUM_WEB_DIR: path.join(dataDir, 'no-web'),
      LOG_LEVEL: 'warn',
    };
    cli(
      env,
      [
        'user',
        'create',
        '--email',
        'crash@ieum.test',
        '--name',
        '김상담',
        '--role',
        'agent',
        '--password-stdin',
      ],
      'correct horse battery\n',
    );
    const token = cli(env, ['token', 'create', '--email', 'crash@ieum.test']).trim().split('\n').at(-1) ?? '';
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    child = await startApp(env, base);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await fetch(`${base}/api/v1/consultations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ channel: 'call', callerNumber: `010-1234-56${String(i).padStart(2, '0')}` }),
      });
      expect(created.status).toBe(201);
      ids.push(((await created.json()) as { id: string }).id);
    }
    // No shutdown: the process dies between one request and the next.
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));

    child = await startApp(env, base);
    for (const id of ids) {
      const read = await fetch(`${base}/api/v1/consultations/${id}`, { headers });
      expect(read.status, id).toBe(200);
    }
    child.kill('SIGTERM');
    await new Promise((resolve) => child?.once('exit', resolve));
  }, 120_000);
});
