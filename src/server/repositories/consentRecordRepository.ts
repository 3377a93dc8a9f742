import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { consentRecords } from '../db/privacySchema.ts';

/** A stored consent record. */
export type ConsentRecordRow = typeof consentRecords.$inferSelect;

/** SQL for consent records. */
export const consentRecordRepository = {
  /** Inserts a record; a retried completion finds the one already there (unique per consultation and notice). */
  /** Records a consent; the id of the record written, or undefined when one for the notice existed. */
  insert: async (db: Database, values: typeof consentRecords.$inferInsert): Promise<string | undefined> => {
    const rows = await db
      .insert(consentRecords)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: consentRecords.id });
    return rows[0]?.id;
  },

  /** The decision recorded on a consultation for one reading of a notice, if any. */
  findForConsultation: async (
    db: Database,
    consultationId: string,
    noticeId: string,
  ): Promise<ConsentRecordRow | undefined> => {
    const [row] = await db
      .select()
      .from(consentRecords)
      .where(and(eq(consentRecords.consultationId, consultationId), eq(consentRecords.noticeId, noticeId)))
      .limit(1);
    return row;
  },

  listByConsultations: (db: Database, consultationIds: string[]): Promise<ConsentRecordRow[]> =>
    consultationIds.length === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(consentRecords)
          .where(inArray(consentRecords.consultationId, consultationIds))
          .orderBy(asc(consentRecords.recordedAt)),

  /** Records whose retention ended, oldest first (dry run: no locks). */
  listExpired: (db: Database, now: Date, limit: number): Promise<ConsentRecordRow[]> =>
    db
      .select()
      .from(consentRecords)
      .where(lte(consentRecords.retentionEndsAt, now))
      .orderBy(asc(consentRecords.retentionEndsAt))
      .limit(limit),

  /**
   * Locks up to `limit` expired records that no other transaction holds (FOR UPDATE SKIP LOCKED),
   * so purges running on several instances take disjoint batches. Call inside a transaction.
   */
  lockExpiredBatch: (db: Database, now: Date, limit: number): Promise<ConsentRecordRow[]> =>
    db
      .select()
      .from(consentRecords)
      .where(lte(consentRecords.retentionEndsAt, now))
      .orderBy(asc(consentRecords.retentionEndsAt))
      .limit(limit)
      .for('update', { skipLocked: true }),

  deleteByIds: async (db: Database, ids: string[]): Promise<void> => {
    if (ids.length > 0) await db.delete(consentRecords).where(inArray(consentRecords.id, ids));
  },
};
