import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { calls } from '../db/ctiSchema.ts';
import type { Database } from '../db/openDatabase.ts';

/** A CTI call whose numbers are due for erasure. */
export type ExpiredCall = { id: string; retentionEndsAt: Date };

/** A call whose numbers were just erased; `callbackClosed` when its open callback closed with them. */
export type ErasedCall = { id: string; callbackClosed: boolean };

const due = (now: Date) => and(lte(calls.retentionEndsAt, now), isNull(calls.personalDataErasedAt));

/** The erasure of the numbers CTI calls hold (retention end, data-subject requests). */
export const callErasureRepository = {
  /** Calls whose retention ended, oldest first (dry run: no locks). */
  listExpired: (db: Database, now: Date, limit: number): Promise<ExpiredCall[]> =>
    db
      .select({ id: calls.id, retentionEndsAt: calls.retentionEndsAt })
      .from(calls)
      .where(due(now))
      .orderBy(asc(calls.retentionEndsAt))
      .limit(limit),

  /** The same, locked (FOR UPDATE SKIP LOCKED: purges on several instances take disjoint batches). */
  lockExpiredBatch: (db: Database, now: Date, limit: number): Promise<ExpiredCall[]> =>
    db
      .select({ id: calls.id, retentionEndsAt: calls.retentionEndsAt })
      .from(calls)
      .where(due(now))
      .orderBy(asc(calls.retentionEndsAt))
      .limit(limit)
      .for('update', { skipLocked: true }),

  /**
   * Clears the numbers and their index of these calls, and closes the callback of a missed call
   * still open (status erased: nobody can call a number no longer held) in the same statement;
   * returns the calls erased now, saying whose callback it closed.
   */
  erasePersonalData: async (db: Database, ids: readonly string[], at: Date): Promise<ErasedCall[]> => {
    if (ids.length === 0) return [];
    const rows = await db
      .update(calls)
      .set({
        fromNumber: null,
        toNumber: null,
        customerNumber: null,
        customerIndex: null,
        personalDataErasedAt: at,
        callbackStatus: sql`case when ${calls.callbackStatus} = 'open' then 'erased' else ${calls.callbackStatus} end`,
      })
      .where(and(inArray(calls.id, [...ids]), isNull(calls.personalDataErasedAt)))
      .returning({ id: calls.id, callbackStatus: calls.callbackStatus });
    // Only this erasure sets 'erased', and only on calls it erases now: the status says it closed it.
    return rows.map((row) => ({ id: row.id, callbackClosed: row.callbackStatus === 'erased' }));
  },

  /** Calls of this customer (blind index of their number) that still hold numbers. */
  listUnerasedByCustomerIndex: async (db: Database, index: string): Promise<string[]> =>
    (
      await db
        .select({ id: calls.id })
        .from(calls)
        .where(and(eq(calls.customerIndex, index), isNull(calls.personalDataErasedAt)))
    ).map((row) => row.id),
};
