import { count, eq, gte } from 'drizzle-orm';
import type { FirstRunStepId } from '../../contract/firstRun/firstRunStepIdSchema.ts';
import { firstRunSteps } from '../db/firstRunSchema.ts';
import { emailOutbox } from '../db/jobsSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { closures } from '../db/schema.ts';

/** A stored decision about a step. */
export type FirstRunStepRow = typeof firstRunSteps.$inferSelect;

/** SQL for the first-run checklist's decisions and the delivery state of its test mail. */
export const firstRunRepository = {
  listSteps: (db: Database): Promise<FirstRunStepRow[]> => db.select().from(firstRunSteps),

  /** Writes the given columns of a step's row, creating the row when it is the step's first decision. */
  upsertStep: async (
    db: Database,
    step: FirstRunStepId,
    values: Partial<Omit<FirstRunStepRow, 'step' | 'updatedAt'>> & { updatedAt: Date },
  ): Promise<void> => {
    await db
      .insert(firstRunSteps)
      .values({ step, ...values })
      .onConflictDoUpdate({ target: firstRunSteps.step, set: values });
  },

  /** Delivery state of an outbox e-mail (its sealed columns are not read here). */
  findMailDelivery: async (
    db: Database,
    id: string,
  ): Promise<
    | { status: 'queued' | 'sent' | 'failed'; createdAt: Date; sentAt: Date | null; lastError: string | null }
    | undefined
  > => {
    const rows = await db
      .select({
        status: emailOutbox.status,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
        lastError: emailOutbox.lastError,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, id))
      .limit(1);
    return rows[0];
  },

  /** Closures on or after a Seoul calendar day (YYYY-MM-DD). */
  countClosuresFrom: async (db: Database, fromDate: string): Promise<number> => {
    const rows = await db.select({ n: count() }).from(closures).where(gte(closures.date, fromDate));
    return rows[0]?.n ?? 0;
  },
};
