import module from 'node:module';

// Most of a start is loading modules (hundreds of files, TypeScript stripped on the way): Node keeps
// their compiled code on disk (the OS temporary directory, or NODE_COMPILE_CACHE) and a restart
// reuses it. Enabled before the server's modules load, so they are imported below, not statically.
module.enableCompileCache();
const { createLogger } = await import('./createLogger.ts');
const { readEnv } = await import('./env.ts');
const { chooseLogDestination } = await import('./logging/chooseLogDestination.ts');
const { startServer } = await import('./startServer.ts');

// Entry point of `npm start`: configuration errors and a locked data directory end the process
// with a readable message rather than a stack trace.
try {
  const env = readEnv();
  const logger = createLogger(
    env.LOG_LEVEL,
    chooseLogDestination(env.LOG_FORMAT, process.stdout, { noColor: env.NO_COLOR !== undefined }),
  );
  const server = await startServer(env, logger);
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
