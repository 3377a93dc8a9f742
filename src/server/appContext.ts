import type { FastifyBaseLogger } from 'fastify';
import type { FieldCodec } from './crypto/fieldCodec.ts';
import type { FieldKeys } from './crypto/loadFieldKeys.ts';
import type { OpenDatabase } from './db/openDatabase.ts';
import type { Env } from './env.ts';
import type { EventHub } from './events/createEventHub.ts';
import type { RequestActivity } from './http/requestActivity.ts';
import type { GuideCatalog } from './services/guides/loadGuideCatalog.ts';

/**
 * What every service needs, passed explicitly: configuration, the database, the loaded guides,
 * the clock (injected so tests and IEUM_FAKE_NOW control "now"), the logger and the live event hub.
 */
export type AppContext = {
  env: Env;
  database: OpenDatabase;
  guides: GuideCatalog;
  now: () => Date;
  logger: FastifyBaseLogger;
  /** Live events from every instance (LISTEN/NOTIFY), for SSE streams. */
  events: EventHub;
  /** Keys for personal data at rest (encryptField, decryptField, blindIndex), loaded once at boot. */
  fieldKeys: FieldKeys;
  /** Seals and opens personal columns; repositories take it, services never encrypt or decrypt themselves. */
  fieldCodec: FieldCodec;
  /** This process's requests in flight: background work that would hold them up waits for a quiet moment. */
  activity: RequestActivity;
};
