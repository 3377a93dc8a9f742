import { createLogger } from './createLogger.ts';
import { readEnv } from './env.ts';
import { chooseLogDestination } from './logging/chooseLogDestination.ts';
import { startServer } from './startServer.ts';
import { startupThreadPriority } from './startupThreadPriority.ts';

// The server process: run by `npm start` (bundled, dist/server/main.mjs) and by main.ts (from the
// sources). Configuration errors and a locked data directory end the process
// with a readable message rather than a stack trace.
try {
  const env = readEnv();
  const logger = createLogger(
    env.LOG_LEVEL,
    chooseLogDestination(env.LOG_FORMAT, process.stdout, { noColor: env.NO_COLOR !== undefined }),
  );
  const server = await startServer(env, logger);
  void server.afterListening.finally(() => startupThreadPriority.restore());
  logger.info(
    { database: server.ctx.database.kind, dataDir: env.DATABASE_URL ? undefined : env.IEUM_DATA_DIR },
    `ieum console at ${server.url}`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  console.error(`ieum could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
