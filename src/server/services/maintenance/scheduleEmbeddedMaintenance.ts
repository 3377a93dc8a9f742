import type { AppContext } from '../../appContext.ts';
import { enqueueSlotJob } from '../../jobs/enqueueSlotJob.ts';
import type { JobHandler } from '../../jobs/jobHandlers.ts';
import { maintainEmbeddedDatabase } from './maintainEmbeddedDatabase.ts';

/** Job kind of the embedded database's vacuum and analyse pass (see maintainEmbeddedDatabase). */
export const EMBEDDED_MAINTENANCE_JOB = 'database.maintain';

// Autovacuum looks at each database once a minute; the embedded one serves a small team, and a
// pass holds its one connection while it runs, so every ten minutes is enough.
const EVERY_MS = 10 * 60_000;

/**
 * Books the pass for the slot containing `at` (the slot's start is the dedupe key, so each slot
 * has one job). Only the embedded database needs it: PostgreSQL's autovacuum does the same.
 */
export async function scheduleEmbeddedMaintenance(ctx: AppContext, at: Date = ctx.now()): Promise<void> {
  if (ctx.database.kind !== 'pglite') return;
  await enqueueSlotJob(ctx.database.db, EMBEDDED_MAINTENANCE_JOB, EVERY_MS, at);
}

/** The job: books the next slot first (a failing pass, retried, never stops the schedule), then runs. */
export const runEmbeddedMaintenanceJob: JobHandler = async (ctx) => {
  await scheduleEmbeddedMaintenance(ctx, new Date(ctx.now().getTime() + EVERY_MS));
  const pass = await maintainEmbeddedDatabase(ctx);
  if (pass.vacuumed.length > 0 || pass.analysed.length > 0) {
    ctx.logger.info(pass, 'embedded database vacuumed and analysed');
  }
};
