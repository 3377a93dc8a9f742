import type { AppContext } from '../../appContext.ts';
import { idempotencyKeyDigest } from '../../crypto/idempotencyKeyDigest.ts';
import { idempotencyRepository } from '../../repositories/idempotencyRepository.ts';

/**
 * Stores as digests the `Idempotency-Key`s an earlier version kept as the client sent them (a key
 * may hold what the client put in it: a phone number, a name). Run at start, before requests, after
 * an upgrade; a retry of a request made before the upgrade still finds its first answer. Returns
 * how many keys were converted; the log says how many, never which.
 */
export async function digestLegacyIdempotencyKeys(ctx: AppContext): Promise<number> {
  const db = ctx.database.db;
  const clear = await idempotencyRepository.listStoredInClear(db);
  for (const row of clear) {
    await idempotencyRepository.replaceKey(db, row, idempotencyKeyDigest(ctx.fieldKeys, row.key));
  }
  if (clear.length > 0) {
    ctx.logger.info(
      { keys: clear.length },
      'idempotency keys an earlier version kept in clear are stored as digests',
    );
  }
  return clear.length;
}
