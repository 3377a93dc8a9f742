import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where a server process keeps its data, and the environment that points it there. */
export type ProcessDatabase = { env: NodeJS.ProcessEnv; remove: () => Promise<void> };

/** A database a test runs `ieum` processes on. */
export type ProcessBackend = { name: 'pglite' | 'postgres'; create: () => Promise<ProcessDatabase> };

// The test runner's own settings (IEUM_TEST_DATABASE_URL, a DATABASE_URL) must not leak into the server.
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('IEUM_') && name !== 'DATABASE_URL'),
  );
}

function baseEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...inheritedEnv(),
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IEUM_WEB_DIR: path.join(dir, 'no-web'),
    IEUM_PURGE_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
  };
}

/**
 * The backends for tests that run the server as its own process: a fresh PGlite data directory
 * always, and a fresh database on IEUM_TEST_DATABASE_URL when set (as testBackends()).
 */
export function processBackends(): ProcessBackend[] {
  const backends: ProcessBackend[] = [
    {
      name: 'pglite',
      create: async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'ieum-chaos-'));
        return {
          env: { ...baseEnv(dir), IEUM_DATA_DIR: path.join(dir, 'data') },
          remove: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
  ];
  const adminUrl = process.env.IEUM_TEST_DATABASE_URL;
  if (adminUrl) {
    backends.push({
      name: 'postgres',
      create: async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'ieum-chaos-'));
        const name = `ieum_test_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return {
          env: { ...baseEnv(dir), DATABASE_URL: url.toString() },
          remove: async () => {
            rmSync(dir, { recursive: true, force: true });
            const cleanup = new pg.Client({ connectionString: adminUrl });
            await cleanup.connect();
            await cleanup.query(`drop database if exists ${name} with (force)`);
            await cleanup.end();
          },
        };
      },
    });
  }
  return backends;
}
