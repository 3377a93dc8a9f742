import type { AppContext } from '../../appContext.ts';
import { enqueueSlotJob } from '../../jobs/enqueueSlotJob.ts';
import type { JobHandler } from '../../jobs/jobHandlers.ts';
import { pruneOperationalRows } from '../housekeeping/pruneOperationalRows.ts';
import { purgeExpiredPersonalData } from './purgeExpiredPersonalData.ts';

/** Job kind of the scheduled retention purge. */
export const RETENTION_PURGE_JOB = 'privacy.retention-purge';

/**
 * Enqueues the retention purge for the current slot (every IEUM_PURGE_INTERVAL_MINUTES). The slot's
 * start is the job's dedupe key, so however many instances start or finish a run, each slot has one
 * job, worked by one instance. Does nothing when the interval is 0.
 */
export async function scheduleRetentionPurge(ctx: AppContext, at: Date = ctx.now()): Promise<void> {
  const minutes = ctx.env.IEUM_PURGE_INTERVAL_MINUTES;
  if (minutes === 0) return;
  await enqueueSlotJob(ctx.database.db, RETENTION_PURGE_JOB, minutes * 60_000, at);
}

/**
 * The job: books the next slot first (so a failing purge, retried by the runner, never stops the
 * schedule), then purges, then prunes operational rows (events, finished jobs, used idempotency keys).
 * The purge itself is safe to run concurrently.
 */
export const runRetentionPurgeJob: JobHandler = async (ctx) => {
  const minutes = ctx.env.IEUM_PURGE_INTERVAL_MINUTES;
  if (minutes > 0) await scheduleRetentionPurge(ctx, new Date(ctx.now().getTime() + minutes * 60_000));
  await purgeExpiredPersonalData(ctx, { dryRun: false });
  await pruneOperationalRows(ctx);
};
