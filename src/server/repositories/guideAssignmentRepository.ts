import { eq } from 'drizzle-orm';
import { leads } from '../db/leadSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { transferAssignees, transfers, transferTypeSettings } from '../db/transferSchema.ts';

/** The guide_data migration marks rows written before guides were recorded, and not traceable to one, with ''. */
const UNASSIGNED = '';

/** SQL for giving rows that predate guide ids a guide. */
export const guideAssignmentRepository = {
  /** Assigns the guide to every unassigned transfer, lead and transfer setting; returns how many rows. */
  assignUnassigned: async (db: Database, guideId: string): Promise<number> => {
    let count = 0;
    for (const table of [transfers, leads, transferTypeSettings, transferAssignees]) {
      const rows = await db
        .update(table)
        .set({ guideId })
        .where(eq(table.guideId, UNASSIGNED))
        .returning({ guideId: table.guideId });
      count += rows.length;
    }
    return count;
  },
};
