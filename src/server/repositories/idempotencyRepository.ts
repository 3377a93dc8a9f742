import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { idempotencyKeys } from '../db/transferSchema.ts';

/** A stored idempotency key. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/** SQL for idempotency keys. */
export const idempotencyRepository = {
  /**
   * Claims a key inside the caller's transaction. Returns null when this call claimed it, or the
   * existing row. On PostgreSQL a concurrent claim of the same key waits for the first
   * transaction to finish, then sees its committed row, so two retries never both proceed. The
   * outcome, when already known, is stored with the claim (no `complete` needed).
   */
  claim: async (
    db: Database,
    values: {
      userId: string;
      scope: string;
      key: string;
      requestHash: string;
      statusCode?: number;
      resourceId?: string;
    },
  ): Promise<IdempotencyKeyRow | null> => {
    const inserted = await db
      .insert(idempotencyKeys)
      .values(values)
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return null;
    const rows = await db
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, values.userId),
          eq(idempotencyKeys.scope, values.scope),
          eq(idempotencyKeys.key, values.key),
        ),
      )
      .limit(1);
    const row = rows[0];
    if (!row) throw new Error('idempotency key was neither inserted nor found');
    return row;
  },

  complete: async (
    db: Database,
    where: { userId: string; scope: string; key: string },
    outcome: { statusCode: number; resourceId: string },
  ): Promise<void> => {
    await db
      .update(idempotencyKeys)
      .set(outcome)
      .where(
        and(
          eq(idempotencyKeys.userId, where.userId),
          eq(idempotencyKeys.scope, where.scope),
          eq(idempotencyKeys.key, where.key),
        ),
      );
  },
};
