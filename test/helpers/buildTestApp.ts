import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/contract/users/roleSchema.ts';
import { buildApp } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/appContext.ts';
import { createLogger } from '../../src/server/createLogger.ts';
import { createLoggedFieldCodec } from '../../src/server/crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from '../../src/server/crypto/loadFieldKeys.ts';
import { readEnv } from '../../src/server/env.ts';
import { createEventHub } from '../../src/server/events/createEventHub.ts';
import { createRequestActivity } from '../../src/server/http/requestActivity.ts';
import { registerAllJobHandlers } from '../../src/server/jobs/allJobHandlers.ts';
import { startJobRunner } from '../../src/server/jobs/startJobRunner.ts';
import { assignDefaultGuide } from '../../src/server/services/guides/assignDefaultGuide.ts';
import { loadGuideCatalog } from '../../src/server/services/guides/loadGuideCatalog.ts';
import { recordGuideVersions } from '../../src/server/services/guides/recordGuideVersions.ts';
import { checkEncryptionKeys } from '../../src/server/services/keys/checkEncryptionKeys.ts';
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
  /** Works every job due at the test clock's now; returns how many ran. */
  runJobs: () => Promise<number>;
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
  const checkpointDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-test-'));
  const log: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      log.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  let current = new Date('2026-11-25T10:00:00+09:00');
  const logger = createLogger('info', sink);
  // A fresh key per app: tests never touch a key file, and rows from one app cannot be read by another.
  const testEnv = readEnv({
    IEUM_WEB_DIR: '/nonexistent',
    IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Each app its own checkpoint file, as each has its own database.
    IEUM_ACCESS_LOG_CHECKPOINT_FILE: path.join(checkpointDir, 'access-log.checkpoint'),
    ...env,
  });
  const guides = await loadGuideCatalog(testEnv.IEUM_GUIDES_DIR, {
    defaultGuideId: testEnv.IEUM_DEFAULT_GUIDE,
  });
  // After the guides: a broken guide directory fails the build with no database left open.
  const database = await backend.open();
  const fieldKeys = loadFieldKeys(testEnv);
  await checkEncryptionKeys(database.db, fieldKeys, current);
  await recordGuideVersions(database, guides, logger, current);
  await assignDefaultGuide(database, guides, logger);
  const ctx: AppContext = {
    env: testEnv,
    database,
    guides,
    now: () => new Date(current),
    logger,
    events: await createEventHub(database, logger),
    fieldKeys,
    fieldCodec: createLoggedFieldCodec(fieldKeys, logger),
    activity: createRequestActivity(),
  };
  registerAllJobHandlers();
  // Tests drive jobs with `runJobs()` under their controlled clock; the runner does not poll.
  const jobRunner = await startJobRunner(ctx, { pollMs: 60_000, backoffMs: 1_000 });
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    log,
    runJobs: () => jobRunner.runDue(),
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
      await jobRunner.stop();
      await ctx.events.close();
      await database.close();
      fs.rmSync(checkpointDir, { recursive: true, force: true });
    },
  };
}
