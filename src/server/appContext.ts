import type { FastifyBaseLogger } from 'fastify';
import type { OpenDatabase } from './db/openDatabase.ts';
import type { Env } from './env.ts';
import type { GuideCatalog } from './services/guides/loadGuideCatalog.ts';

/**
 * What every service needs, passed explicitly: configuration, the database, the loaded guides,
 * the clock (injected so tests and IEUM_FAKE_NOW control "now") and the logger.
 */
export type AppContext = {
  env: Env;
  database: OpenDatabase;
  guides: GuideCatalog;
  now: () => Date;
  logger: FastifyBaseLogger;
};
