import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { destructionLog } from '../db/privacySchema.ts';

/** A destruction-log row. */
export type DestructionLogRow = typeof destructionLog.$inferSelect;
/** A destruction to record: what kind of record, which, when, why — never the destroyed values. */
export type NewDestruction = typeof destructionLog.$inferInsert;

/** SQL for the destruction log (append-only in code: no update or delete here). */
export const destructionLogRepository = {
  appendMany: async (db: Database, rows: NewDestruction[]): Promise<void> => {
    if (rows.length > 0) await db.insert(destructionLog).values(rows);
  },

  listByKind: (db: Database, recordKind: string): Promise<DestructionLogRow[]> =>
    db
      .select()
      .from(destructionLog)
      .where(eq(destructionLog.recordKind, recordKind))
      .orderBy(asc(destructionLog.id)),

  /** Whether anything was destroyed for this reason since `since`. */
  anySince: async (db: Database, reason: DestructionLogRow['reason'], since: Date): Promise<boolean> =>
    (
      await db
        .select({ id: destructionLog.id })
        .from(destructionLog)
        .where(and(eq(destructionLog.reason, reason), gte(destructionLog.at, since)))
        .limit(1)
    ).length > 0,

  listRecent: (db: Database, limit: number): Promise<DestructionLogRow[]> =>
    db.select().from(destructionLog).orderBy(desc(destructionLog.id)).limit(limit),
};
