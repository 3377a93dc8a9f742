import { asc, eq, gte } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { closures } from '../db/schema.ts';

/** A closure row. */
export type ClosureRow = typeof closures.$inferSelect;

/** SQL for company closures. */
export const closureRepository = {
  list: (db: Database, fromDate?: string): Promise<ClosureRow[]> =>
    fromDate
      ? db.select().from(closures).where(gte(closures.date, fromDate)).orderBy(asc(closures.date))
      : db.select().from(closures).orderBy(asc(closures.date)),

  insert: async (db: Database, values: { date: string; name: string; createdBy: string | null }) => {
    const rows = await db.insert(closures).values(values).onConflictDoNothing().returning();
    return rows[0];
  },

  /** Deletes a closure; answers it as it was (its day and name), or undefined when there was none. */
  delete: async (db: Database, id: string): Promise<ClosureRow | undefined> => {
    const rows = await db.delete(closures).where(eq(closures.id, id)).returning();
    return rows[0];
  },
};
