import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { idempotencyKeys } from '../db/transferSchema.ts';

/** A stored idempotency key. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
/** A key as claimed: who, for what, the request's hash and, when known, the answer. */
export type IdempotencyKeyClaim = {
  userId: string;
  scope: string;
  key: string;
  requestHash: string;
  statusCode?: number;
  resourceId?: string;
};

const keyOf = (where: { userId: string; scope: string; key: string }) =>
  and(
    eq(idempotencyKeys.userId, where.userId),
    eq(idempotencyKeys.scope, where.scope),
    eq(idempotencyKeys.key, where.key),
  );

/** SQL for idempotency keys. */
export const idempotencyRepository = {
  /**
   * Claims a key inside the caller's transaction. Returns null when this call claimed it, or the
   * existing row. On PostgreSQL a concurrent claim of the same key waits for the first
   * transaction to finish, then sees its committed row, so two retries never both proceed. The
   * outcome, when already known, is stored with the claim (no `complete` needed).
   */
  claim: async (db: Database, values: IdempotencyKeyClaim): Promise<IdempotencyKeyRow | null> => {
    const inserted = await db
      .insert(idempotencyKeys)
      .values(values)
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return null;
    const row = await idempotencyRepository.find(db, values);
    if (!row) throw new Error('idempotency key was neither inserted nor found');
    return row;
  },

  /**
   * The claim as a common table expression (`claimed`), for a write that claims its key in its own
   * statement: it yields one row when this statement claimed the key and none when the key was
   * taken (a concurrent claim waits for the first transaction, as `claim` does). Its values are
   * placeholders (the statement is built once, see PrebuiltStatement), filled by claimValues.
   */
  claimExpression: (db: Database) =>
    db.$with('claimed').as(
      db
        .insert(idempotencyKeys)
        .values({
          userId: sql.placeholder('claim_userId'),
          scope: sql.placeholder('claim_scope'),
          key: sql.placeholder('claim_key'),
          requestHash: sql.placeholder('claim_requestHash'),
          statusCode: sql.placeholder('claim_statusCode'),
          resourceId: sql.placeholder('claim_resourceId'),
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key }),
    ),

  /** The placeholder values of claimExpression for this claim (an answer not yet known is null). */
  claimValues: (claim: IdempotencyKeyClaim): Record<string, unknown> => ({
    claim_userId: claim.userId,
    claim_scope: claim.scope,
    claim_key: claim.key,
    claim_requestHash: claim.requestHash,
    claim_statusCode: claim.statusCode ?? null,
    claim_resourceId: claim.resourceId ?? null,
  }),

  find: async (
    db: Database,
    where: { userId: string; scope: string; key: string },
  ): Promise<IdempotencyKeyRow | undefined> => {
    const rows = await db.select().from(idempotencyKeys).where(keyOf(where)).limit(1);
    return rows[0];
  },

  complete: async (
    db: Database,
    where: { userId: string; scope: string; key: string },
    outcome: { statusCode: number; resourceId: string },
  ): Promise<void> => {
    await db.update(idempotencyKeys).set(outcome).where(keyOf(where));
  },
};
