import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { AppContext } from './appContext.ts';
import { createClock } from './createClock.ts';
import { createFakeClock } from './createFakeClock.ts';
import { createLoggedFieldCodec } from './crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from './crypto/loadFieldKeys.ts';
import { openDatabase } from './db/openDatabase.ts';
import type { Env } from './env.ts';
import { createEventHub } from './events/createEventHub.ts';
import { createRequestActivity } from './http/requestActivity.ts';
import { registerAllJobHandlers } from './jobs/allJobHandlers.ts';
import { releaseAbandonedLeases } from './jobs/releaseAbandonedLeases.ts';
import { type JobRunner, startJobRunner } from './jobs/startJobRunner.ts';
import { testClockRoutes } from './routes/test/testClockRoutes.ts';
import { loadGuideAssistants } from './services/assist/loadGuideAssistants.ts';
import { scheduleAbandonment } from './services/consultations/scheduleAbandonment.ts';
import { resumeQueuedEmail } from './services/email/resumeQueuedEmail.ts';
import { assignDefaultGuide } from './services/guides/assignDefaultGuide.ts';
import { type GuideCatalog, loadGuideCatalog } from './services/guides/loadGuideCatalog.ts';
import { recordGuideVersions } from './services/guides/recordGuideVersions.ts';
import { digestLegacyIdempotencyKeys } from './services/idempotency/digestLegacyIdempotencyKeys.ts';
import { scheduleKakaoExpiry } from './services/kakao/expireKakaoConversations.ts';
import { checkEncryptionKeys } from './services/keys/checkEncryptionKeys.ts';
import { resealClearValues } from './services/keys/resealClearValues.ts';
import { scheduleEmbeddedMaintenance } from './services/maintenance/scheduleEmbeddedMaintenance.ts';
import { scheduleRetentionPurge } from './services/privacy/scheduleRetentionPurge.ts';
import { sealLegacyAccessLogReasons } from './services/privacy/sealLegacyAccessLogReasons.ts';
import { startAccessLogCheckpoints } from './services/privacy/startAccessLogCheckpoints.ts';
import { startUpPassesFingerprint } from './services/startup/startUpPassesFingerprint.ts';
import { issueSetupLink } from './services/users/issueSetupLink.ts';

/** Resolves on the event loop's next turn, after the I/O that is waiting (a request) is taken. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Routes a caller adds beside the app's own (benchmarks: a baseline endpoint), given the context. */
export type ExtraRoutes = (app: FastifyInstance, ctx: AppContext) => Promise<void>;

/** What a caller may add to a server it starts (benchmarks); production starts with none. */
export type StartServerOptions = { routes?: ExtraRoutes | undefined };

/** A running server and how to stop it cleanly. */
export type RunningServer = {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  /** Start-up work done after listening (schedules, search indexes): settled once it is all done. */
  afterListening: Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Opens the database (applying migrations), loads and validates the guides, starts listening,
 * and on a first start with no users prints the one-time link for the first admin.
 */
export async function startServer(
  env: Env,
  logger: Logger,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  // Before the database opens: a missing or malformed key stops the boot with nothing to clean up.
  const fieldKeys = loadFieldKeys(env);
  // The guides are read and validated while the database opens: opening the embedded one waits
  // on its engine's compilation and files for a good part of its time.
  const opening = openDatabase(
    env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.IEUM_DATA_DIR },
  );
  // (Its failure is taken up below, once the guides are loaded.)
  opening.catch(() => {});
  let guides: GuideCatalog;
  try {
    guides = await loadGuideCatalog(env.IEUM_GUIDES_DIR, { defaultGuideId: env.IEUM_DEFAULT_GUIDE });
  } catch (error) {
    // A broken guide stops the boot: the database opened meanwhile is closed (and its lock freed).
    await opening.then((database) => database.close()).catch(() => {});
    throw error;
  }
  const database = await opening;
  // The start-up passes (key check, default guide, sealing what earlier versions left in clear)
  // find nothing to do when the database is as this code left it at a clean stop: skipped then.
  const passes = startUpPassesFingerprint(fieldKeys, guides);
  const unchanged = database.unchangedSinceStop === passes;
  if (unchanged)
    logger.info('database unchanged since its last clean stop: migrations and start-up checks skipped');
  // What an upgrade changed in the schema, for the operator watching it (names only, never data).
  const applied = database.migrationsApplied;
  if (applied.length > 0)
    logger.info(
      { migrations: applied.length, first: applied[0], last: applied.at(-1) },
      `database schema migrated: ${applied.length} migration(s) applied (${applied.join(', ')})`,
    );
  // A database just copied from the template holds no rows: nothing to assign a guide to or seal.
  const empty = database.createdFromTemplate;
  try {
    if (!unchanged) {
      await checkEncryptionKeys(database.db, fieldKeys, new Date());
      // Also on a database fresh from the template: calls started now are saved on these versions.
      // (When first loaded: on a test server, its fixed clock's start, as everything it stores.)
      const loadedAt = env.IEUM_FAKE_NOW ? new Date(env.IEUM_FAKE_NOW) : new Date();
      await recordGuideVersions(database, guides, logger, loadedAt);
      if (!empty) await assignDefaultGuide(database, guides, logger);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const events = await createEventHub(database, logger);
  const fakeClock = env.IEUM_FAKE_NOW ? createFakeClock(env.IEUM_FAKE_NOW) : null;
  const ctx: AppContext = {
    env,
    database,
    guides,
    now: fakeClock ? fakeClock.now : createClock(),
    logger,
    events,
    fieldKeys,
    fieldCodec: createLoggedFieldCodec(fieldKeys, logger),
    activity: createRequestActivity(),
  };
  if (!unchanged && !empty) {
    await sealLegacyAccessLogReasons(ctx);
    // Rows an earlier version wrote in clear (or without blind indexes) are sealed before anything reads them.
    await resealClearValues(ctx);
  }
  // Idempotency-Keys an earlier version kept as sent are stored as digests before any retry looks
  // (after every start: that version may have stopped cleanly with no migration since; one scan of
  // a week of keys).
  await digestLegacyIdempotencyKeys(ctx);
  registerAllJobHandlers();
  let app: FastifyInstance;
  try {
    app = await buildApp(ctx);
    // Test servers only: a clock end-to-end tests can move forward (see e2e/README.md).
    if (fakeClock) await app.register(testClockRoutes, { ctx, clock: fakeClock });
    if (options.routes) await options.routes(app, ctx);
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    await events.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`;
  // What no request needs is done once the server listens (a restart is felt by every agent).
  // Background jobs: a request only adds them, and the runner, once started, looks for work at once.
  let jobRunner: JobRunner | null = null;
  let checkpoints: ReturnType<typeof startAccessLogCheckpoints> | null = null;
  // Search indexes and suggestion models: a request that comes first builds what it needs itself.
  // Each step first lets the event loop take what has arrived: embedded database queries never
  // wait on I/O, so without that the requests of a restart would wait for all of this.
  const afterListening = (async () => {
    try {
      await nextTurn();
      // Leases a stopped process left are freed before this process's runner looks for work.
      if (database.kind === 'pglite') {
        const freed = await releaseAbandonedLeases(database.db);
        if (freed > 0) logger.info({ jobs: freed }, 'jobs left by a stopped process are retried now');
      }
      await nextTurn();
      jobRunner = await startJobRunner(ctx, { pollMs: env.JOB_POLL_MS });
      checkpoints = startAccessLogCheckpoints(ctx);
    } catch (error) {
      logger.error({ err: error }, 'the job runner could not start');
    }
    try {
      await nextTurn();
      await loadGuideAssistants(guides, env.IEUM_DATA_DIR, logger);
      await nextTurn();
      // The retention purge runs on the job runner, one slot at a time across all instances.
      await scheduleRetentionPurge(ctx);
      await scheduleAbandonment(ctx);
      await scheduleKakaoExpiry(ctx);
      await scheduleEmbeddedMaintenance(ctx);
      // Mail queued while no SMTP server was configured goes out now that one is.
      await resumeQueuedEmail(ctx);
    } catch (error) {
      logger.error({ err: error }, 'start-up work after listening failed');
    }
  })();
  const setupLink = await issueSetupLink(ctx, env.PUBLIC_URL ?? url);
  if (setupLink) {
    // Printed on stdout, not logged: the link is a credential and logs are kept and shipped.
    process.stdout.write(
      `\n  첫 관리자 계정을 만드세요 (one-time first-admin link, valid 24 h; earlier links no longer work):\n  ${setupLink}\n\n`,
    );
  }
  return {
    app,
    ctx,
    url,
    afterListening,
    stop: async () => {
      await app.close();
      await afterListening;
      await jobRunner?.stop();
      await checkpoints?.stop();
      await events.close();
      await database.close({ passesDone: passes });
    },
  };
}
