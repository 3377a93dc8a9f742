import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/appContext.ts';
import { createLogger } from '../../src/server/createLogger.ts';
import type { Role } from '../../src/server/db/schema.ts';
import { readEnv } from '../../src/server/env.ts';
import { loadGuideCatalog } from '../../src/server/services/guides/loadGuideCatalog.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';
import type { TestBackend } from './testDatabases.ts';

/** An app on a fresh database with a controllable clock and a captured log. */
export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  /** Everything the server logged, one JSON line per entry. */
  log: string[];
  setNow: (at: Date | string) => void;
  advance: (ms: number) => void;
  /** Creates a user and an API token for them; returns the Authorization header. */
  userWithToken: (
    role: Role,
    email?: string,
  ) => Promise<{ id: string; email: string; headers: { authorization: string } }>;
  close: () => Promise<void>;
};

let userCounter = 0;

/** Builds the real app (real routes, real database) for an integration test. */
export async function buildTestApp(backend: TestBackend, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await backend.open();
  const log: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      log.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  let current = new Date('2026-11-25T10:00:00+09:00');
  const ctx: AppContext = {
    env: readEnv({ IEUM_WEB_DIR: '/nonexistent', ...env }),
    database,
    guides: await loadGuideCatalog('content/guides'),
    now: () => new Date(current),
    logger: createLogger('info', sink),
  };
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    log,
    setNow: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    userWithToken: async (role, email) => {
      userCounter += 1;
      const address = email ?? `${role}${userCounter}@ieum.test`;
      const user = await createUser(
        ctx,
        { email: address, name: `${role} ${userCounter}`, role, password: 'correct horse battery' },
        { id: null },
      );
      const { token } = await createApiToken(ctx, { email: address }, { id: null });
      return { id: user.id, email: address, headers: { authorization: `Bearer ${token}` } };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
