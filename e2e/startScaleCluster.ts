// Two ieum instances on one PostgreSQL behind nginx (deploy/nginx/ieum.conf, as shipped), on
// loopback, for e2e/scale.spec.ts: the production layout of README.md "Several instances behind nginx".
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { nginxMissingReason, startNginx, type TestNginx } from '../scripts/test/startNginx.ts';
import { startTestPostgres } from '../scripts/test/startTestPostgres.ts';
import { type ServerProcess, startServerProcess } from '../test/helpers/startServerProcess.ts';
import { e2eUsers } from './e2eUsers.ts';
import { hoursSetups } from './hoursSetups.ts';

const root = path.resolve(import.meta.dirname, '..');

/** The running layout: nginx's address, each instance's own, and how to take it all down. */
export type ScaleCluster = {
  nginx: TestNginx;
  instances: { name: 'A' | 'B'; server: ServerProcess; logFile: string }[];
  stop: () => Promise<void>;
};

/** A cluster, or why it cannot run here (the spec skips with this reason). */
export type ScaleClusterStart = { cluster: ScaleCluster } | { skipped: string };

/** A PostgreSQL superuser URL: the harness's (npm test passes it), else a throwaway cluster, else null. */
async function resolvePostgres(): Promise<{ adminUrl: string; release: () => void } | null> {
  const given = process.env.IEUM_E2E_DATABASE_URL ?? process.env.IEUM_TEST_DATABASE_URL;
  if (given) return { adminUrl: given, release: () => {} };
  const started = await startTestPostgres();
  return started ? { adminUrl: started.url, release: () => started.stop() } : null;
}

/**
 * Creates a fresh database, the e2e users in it (through the CLI, as an operator would), starts
 * instances A and B on it with one encryption key, each trusting nginx for X-Forwarded-For and
 * sending a heartbeat every second, then nginx in front of both. Business hours are open (the
 * `open` setup's clock).
 */
export async function startScaleCluster(): Promise<ScaleClusterStart> {
  const noNginx = nginxMissingReason();
  if (noNginx) return { skipped: noNginx };
  const postgres = await resolvePostgres();
  if (!postgres)
    return {
      skipped:
        'no PostgreSQL: several instances need one (set IEUM_E2E_DATABASE_URL, or install the Debian package postgresql)',
    };
  const name = `ieum_e2e_scale_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgres.adminUrl);
  url.pathname = `/${name}`;
  const dirs: string[] = [];
  const started: ScaleCluster['instances'] = [];
  let nginx: TestNginx | null = null;
  const stop = async () => {
    await nginx?.stop();
    await Promise.all(started.map((instance) => instance.server.kill('SIGTERM')));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    const cleanup = new pg.Client({ connectionString: postgres.adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
    postgres.release();
  };
  try {
    // The runner's own settings (a DATABASE_URL, IEUM_TEST_*) must not leak into the instances.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('IEUM_') && key !== 'DATABASE_URL'),
    );
    const shared: NodeJS.ProcessEnv = {
      ...inherited,
      DATABASE_URL: url.toString(),
      IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      IEUM_FAKE_NOW: hoursSetups.open.fakeNow,
      IEUM_TRUST_PROXY: '127.0.0.1',
      IEUM_EVENTS_HEARTBEAT_SECONDS: '1',
      IEUM_PURGE_INTERVAL_MINUTES: '0',
    };
    for (const user of [e2eUsers.agent, e2eUsers.backoffice]) {
      const created = spawnSync(
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
        { cwd: root, env: shared, input: `${user.password}\n`, encoding: 'utf8' },
      );
      if (created.status !== 0) throw new Error(`ieum user create: ${created.stderr}${created.stdout}`);
    }
    mkdirSync(path.join(root, 'test-results'), { recursive: true });
    // Both at once, as a deployment starts them: migrations and the re-seal take advisory locks.
    const instances = await Promise.all(
      (['A', 'B'] as const).map(async (instanceName) => {
        const dir = mkdtempSync(path.join(tmpdir(), `ieum-e2e-scale-${instanceName}-`));
        dirs.push(dir);
        const server = await startServerProcess(
          {
            ...shared,
            // Each instance keeps its own access-log checkpoint file (README.md).
            IEUM_DATA_DIR: dir,
          },
          undefined,
          { readyWithinMs: 120_000 },
        );
        return {
          name: instanceName,
          server,
          logFile: path.join(root, 'test-results', `server-scale-${instanceName}.log`),
        };
      }),
    );
    started.push(...instances);
    for (const instance of instances) {
      const log = createWriteStream(instance.logFile);
      log.write(instance.server.output());
      instance.server.child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
      instance.server.child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
    }
    nginx = await startNginx({ upstreams: instances.map((instance) => new URL(instance.server.base).host) });
    return { cluster: { nginx, instances, stop } };
  } catch (error) {
    await stop();
    throw error;
  }
}
