import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/contract/users/roleSchema.ts';
import type { AppContext } from '../../src/server/appContext.ts';
import { createLogger } from '../../src/server/createLogger.ts';
import { createLoggedFieldCodec } from '../../src/server/crypto/createLoggedFieldCodec.ts';
import { loadFieldKeys } from '../../src/server/crypto/loadFieldKeys.ts';
import { openDatabase } from '../../src/server/db/openDatabase.ts';
import { readEnv } from '../../src/server/env.ts';
import { createEventHub } from '../../src/server/events/createEventHub.ts';
import { createRequestActivity } from '../../src/server/http/requestActivity.ts';
import { loadGuideCatalog } from '../../src/server/services/guides/loadGuideCatalog.ts';
import { createApiToken } from '../../src/server/services/users/createApiToken.ts';
import { createUser } from '../../src/server/services/users/createUser.ts';

/**
 * Creates accounts with API tokens in the database a server process will use (`env` as it gets
 * it), before it starts — in this process, since starting the CLI once per command costs seconds.
 * Returns each account's Authorization header value, in order. The database is closed again (on
 * PGlite that releases the data-directory lock for the server).
 */
export async function seedAccounts(
  env: NodeJS.ProcessEnv,
  accounts: ReadonlyArray<{ email: string; role: Role }>,
): Promise<string[]> {
  const config = readEnv(env);
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL }
      : { kind: 'pglite', dataDir: config.IEUM_DATA_DIR },
  );
  const logger = createLogger('warn');
  const fieldKeys = loadFieldKeys(config);
  const events = await createEventHub(database, logger);
  const ctx: AppContext = {
    env: config,
    database,
    guides: await loadGuideCatalog(config.IEUM_GUIDES_DIR),
    now: () => new Date(),
    logger,
    events,
    fieldKeys,
    fieldCodec: createLoggedFieldCodec(fieldKeys, logger),
    activity: createRequestActivity(),
  };
  try {
    const headers: string[] = [];
    for (const account of accounts) {
      await createUser(
        ctx,
        { ...account, name: '김이음', password: `${randomBytes(12).toString('base64url')}-이음` },
        { id: null },
      );
      const { token } = await createApiToken(ctx, { email: account.email }, { id: null });
      headers.push(`Bearer ${token}`);
    }
    return headers;
  } finally {
    await events.close();
    await database.close();
  }
}
