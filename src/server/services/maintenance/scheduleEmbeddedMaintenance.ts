import type { AppContext } from '../../appContext.ts';
import { enqueueSlotJob } from '../../jobs/enqueueSlotJob.ts';
import { type JobHandler, RetryJobLaterError } from '../../jobs/jobHandlers.ts';
import { maintainEmbeddedDatabase } from './maintainEmbeddedDatabase.ts';

/** Job kind of the embedded database's vacuum and analyse pass (see maintainEmbeddedDatabase). */
export const EMBEDDED_MAINTENANCE_JOB = 'database.maintain';

// Autovacuum looks at each database once a minute; the embedded one serves a small team, and a
// pass holds its one connection while it runs, so every ten minutes is enough.
const EVERY_MS = 10 * 60_000;
// PGlite runs in this process: while it vacuums a table (most of a second for a year of
// consultations) no request is answered at all. A pass waits until nobody has asked anything for
// this long, so an agent mid-call does not feel it…
const QUIET_MS = 3_000;
// …looking again this often…
const RETRY_MS = 15_000;
// …for half its slot at most: a team that is never quiet still gets its tables kept.
const MOST_WAIT_MS = EVERY_MS / 2;

/**
 * Books the pass for the slot containing `at` (the slot's start is the dedupe key, so each slot
 * has one job). Only the embedded database needs it: PostgreSQL's autovacuum does the same.
 */
export async function scheduleEmbeddedMaintenance(ctx: AppContext, at: Date = ctx.now()): Promise<void> {
  if (ctx.database.kind !== 'pglite') return;
  await enqueueSlotJob(ctx.database.db, EMBEDDED_MAINTENANCE_JOB, EVERY_MS, at);
}

/**
 * The job: books the next slot first (a failing pass, retried, never stops the schedule), then
 * runs the pass table by table while no request is in flight. When requests come in, the tables
 * still due wait for the next quiet moment (the job runs again shortly, no attempt counted), and
 * from half the slot on the pass runs whatever the traffic.
 */
export const runEmbeddedMaintenanceJob: JobHandler = async (ctx) => {
  const now = ctx.now().getTime();
  await scheduleEmbeddedMaintenance(ctx, new Date(now + EVERY_MS));
  const waitUntil = Math.floor(now / EVERY_MS) * EVERY_MS + MOST_WAIT_MS;
  const pass = await maintainEmbeddedDatabase(ctx, {
    keepGoing: () => ctx.activity.quietFor(QUIET_MS) || ctx.now().getTime() >= waitUntil,
  });
  if (pass.vacuumed.length > 0 || pass.analysed.length > 0) {
    ctx.logger.info(pass, 'embedded database vacuumed and analysed');
  }
  if (pass.left.length > 0) {
    throw new RetryJobLaterError(
      `requests in flight: ${pass.left.length} table(s) wait for a quiet moment`,
      new Date(ctx.now().getTime() + RETRY_MS),
    );
  }
};
