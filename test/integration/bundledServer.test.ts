import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ASSISTANT_CACHE_DIR } from '../../src/server/services/assist/loadGuideAssistants.ts';
import { buildTestApp } from '../helpers/buildTestApp.ts';
import { type ServerProcess, startServerProcess } from '../helpers/startServerProcess.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const root = path.resolve(import.meta.dirname, '../..');

// `npm start` runs the server bundled (scripts/buildServerIfStale.ts → dist/server/main.mjs): the
// bundle must be the same server as the sources — its files found (migrations, the search
// builder's sources), the same API, the packages left outside it loading.
describe('the bundled server npm start runs', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-bundle-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a fresh data directory and serves the API the sources serve', async () => {
    const built = spawnSync(process.execPath, ['scripts/buildServerIfStale.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(built.status, built.stderr).toBe(0);
    // Built now or before: a second call finds it current and leaves it.
    const again = spawnSync(process.execPath, ['scripts/buildServerIfStale.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe('');

    server = await startServerProcess(
      {
        PATH: process.env.PATH,
        IEUM_DATA_DIR: dataDir,
        IEUM_WEB_DIR: '/nonexistent',
        IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        IEUM_PURGE_INTERVAL_MINUTES: '0',
        LOG_LEVEL: 'warn',
      },
      undefined,
      { entry: 'dist/server/main.mjs', readyWithinMs: 120_000 },
    );
    // Migrations applied (the first-admin link needs the users table), the link printed.
    expect(server.output()).toContain('/setup?token=');
    // The link works: the first admin's password goes through the strength check, whose packages
    // load on first use (a bundled copy of them once answered every setup with a 500).
    const token = /\/setup\?token=([\w-]+)/.exec(server.output())?.[1];
    const setUpWith = (password: string) =>
      fetch(`${server?.base}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, email: 'admin@bundle.test', name: '번들 관리자', password }),
      });
    const weak = await setUpWith('password1234');
    expect(weak.status, await weak.text()).toBe(400);
    const setUp = await setUpWith('purple elephant dances quietly tonight');
    expect(setUp.status, await setUp.text()).toBe(201);

    const bundled = await (await fetch(`${server.base}/api/openapi.json`)).json();
    const [pglite] = testBackends();
    if (!pglite) throw new Error('no PGlite backend');
    const t = await buildTestApp(pglite);
    try {
      const fromSources = (await t.app.inject({ url: '/api/openapi.json' })).json();
      expect(bundled).toEqual(fromSources);
    } finally {
      await t.close();
    }

    // After listening, the search index is built from the guide with the builder's sources found
    // on disk (their hash names the kept file).
    const cacheDir = path.join(dataDir, ASSISTANT_CACHE_DIR);
    const deadline = Date.now() + 60_000;
    while (!(fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some((name) => name.endsWith('.v8'))))
      if (Date.now() > deadline) throw new Error(`no search index kept:\n${server.output()}`);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.output()).not.toContain('start-up work after listening failed');
  }, 240_000);
});
