import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/openDatabase.ts';
import { queryRows } from '../../db/queryRows.ts';

/** What a rebuild wrote: rows of each rollup afterwards. */
export type ReportRollupRebuild = {
  consultationDays: number;
  handleTimeDays: number;
  repeatDays: number;
  pathDays: number;
  activityDays: number;
};

/**
 * Recomputes the report rollups — and each consultation's next contact — from consultations,
 * transfers, leads and callbacks in one transaction (the database function ieum_report_rollups_rebuild:
 * since migration 0027 it fires the deferred rollup triggers, then ieum_report_rollups_recompute,
 * 0024's rebuild, which the migrations ran for existing data). Triggers keep them current on every
 * write (at its commit, since 0027), so this is for repair after a manual edit
 * with triggers off, or a restore of only some tables; it is safe at any time.
 */
export async function rebuildReportRollups(db: Database): Promise<ReportRollupRebuild> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select ieum_report_rollups_rebuild()`);
    const rows = await queryRows(
      tx,
      sql`select (select count(*) from report_consultation_days) as "consultationDays",
        (select count(*) from report_handle_time_days) as "handleTimeDays",
        (select count(*) from report_repeat_days) as "repeatDays",
        (select count(*) from report_path_days) as "pathDays",
        (select count(*) from report_activity_days) as "activityDays"`,
      z.object({
        consultationDays: z.coerce.number().int(),
        handleTimeDays: z.coerce.number().int(),
        repeatDays: z.coerce.number().int(),
        pathDays: z.coerce.number().int(),
        activityDays: z.coerce.number().int(),
      }),
    );
    return rows[0] ?? { consultationDays: 0, handleTimeDays: 0, repeatDays: 0, pathDays: 0, activityDays: 0 };
  });
}
