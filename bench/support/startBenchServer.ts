import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppContext } from '../../src/server/appContext.ts';
import { createLogger } from '../../src/server/createLogger.ts';
import { readEnv } from '../../src/server/env.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';
import { type ExtraRoutes, startServer } from '../../src/server/startServer.ts';
import { startSmtpServer } from '../../test/helpers/startSmtpServer.ts';
import { createBenchDatabase } from './createBenchDatabase.ts';

/** A real server on loopback for a benchmark, with its own data, and how to tear it all down. */
export type BenchServer = {
  url: string;
  ctx: AppContext;
  /** A new account of the role and an API token for it (`Bearer` header value without the prefix). */
  tokenFor: (role: 'agent' | 'backoffice') => Promise<string>;
  stop: () => Promise<void>;
  /** E-mails the loopback SMTP server accepted so far (0 without `smtp`). */
  mailsDelivered: () => number;
};

export type BenchServerOptions = {
  /** A PostgreSQL superuser URL: the server runs on a database created for it (dropped at stop); else PGlite. */
  adminUrl?: string | undefined;
  /** Routes only the benchmark needs (a baseline endpoint), registered like the app's own. */
  routes?: ExtraRoutes;
  /**
   * Deliver e-mail to a real SMTP server on loopback, as a configured install does; without it the
   * outbox's deliveries fail and retry, which no production load looks like.
   */
  smtp?: boolean;
};

/**
 * Starts the real server (startServer: migrations, caches, job runner, event hub) on a random
 * loopback port, on a temporary PGlite directory or a throwaway PostgreSQL database, with a fixed
 * weekday-morning clock so SLA and business-hours figures are the same on every run.
 */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ieum-bench-'));
  const database = options.adminUrl ? await createBenchDatabase(options.adminUrl) : null;
  const smtp = options.smtp ? await startSmtpServer() : null;
  const env = readEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    IEUM_DATA_DIR: dataDir,
    IEUM_WEB_DIR: '/nonexistent',
    LOG_LEVEL: 'warn',
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IEUM_FAKE_NOW: '2026-11-25T10:00:00+09:00',
    IEUM_PURGE_INTERVAL_MINUTES: '0',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(smtp ? { SMTP_URL: smtp.url } : {}),
  });
  const server = await startServer(env, createLogger('warn'), { routes: options.routes });
  // Measure the running server, not its first seconds: the work it defers until after listening
  // (search indexes, suggestion models, schedules) is done before the benchmark's requests start.
  await server.afterListening;
  const ctx = server.ctx;
  return {
    url: server.url,
    ctx,
    tokenFor: async (role) => {
      const email = `${role}-${randomUUID().slice(0, 8)}@bench.test`;
      await createUser(
        ctx,
        { email, name: `${role} bench`, role, password: 'correct horse battery' },
        { id: null },
      );
      return (await createApiToken(ctx, { email }, { id: null })).token;
    },
    mailsDelivered: () => smtp?.messages.length ?? 0,
    stop: async () => {
      await server.stop();
      await smtp?.stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
