import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/openDatabase.ts';
import { consultations, users } from '../db/schema.ts';

/** A consultation row. */
export type ConsultationRow = typeof consultations.$inferSelect;
/** A consultation with its agent's name, as lists show it. */
export type ConsultationWithAgent = { consultation: ConsultationRow; agentName: string };

const withAgent = { consultation: consultations, agentName: users.name };

/** SQL for consultations. */
export const consultationRepository = {
  insert: async (db: Database, values: typeof consultations.$inferInsert): Promise<ConsultationRow> => {
    const rows = await db.insert(consultations).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into consultations returned no row');
    return row;
  },

  findById: async (db: Database, id: string): Promise<ConsultationWithAgent | undefined> => {
    const rows = await db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(eq(consultations.id, id))
      .limit(1);
    return rows[0];
  },

  /** Completes an open consultation; returns undefined when it was not open (already completed by a retry). */
  complete: async (
    db: Database,
    id: string,
    values: Partial<typeof consultations.$inferInsert>,
  ): Promise<ConsultationRow | undefined> => {
    const rows = await db
      .update(consultations)
      .set({ ...values, status: 'completed' })
      .where(and(eq(consultations.id, id), eq(consultations.status, 'open')))
      .returning();
    return rows[0];
  },

  listRecent: (
    db: Database,
    options: { agentId?: string; limit: number },
  ): Promise<ConsultationWithAgent[]> => {
    const query = db
      .select(withAgent)
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId));
    return (options.agentId ? query.where(eq(consultations.agentId, options.agentId)) : query)
      .orderBy(desc(consultations.startedAt))
      .limit(options.limit);
  },
};
