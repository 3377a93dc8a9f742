import type { AppContext } from '../../appContext.ts';
import { enqueueSlotJob } from '../../jobs/enqueueSlotJob.ts';
import type { JobHandler } from '../../jobs/jobHandlers.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { pruneOperationalRows } from '../housekeeping/pruneOperationalRows.ts';
import { purgeExpiredPersonalData } from './purgeExpiredPersonalData.ts';
import { shredErasedRowVersions } from './shredErasedRowVersions.ts';

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

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
// Korea has one offset all year (no daylight saving time).
const KST_OFFSET_MS = 9 * HOUR_MS;
/** The rewrite runs once a day, in the purge run whose slot holds this hour of the night (Korea time). */
export const SHRED_HOUR_KST = 3;
/** Destructions this recent are rewritten out: a week, so a night the server was down is caught up. */
const SHRED_LOOKBACK_MS = 7 * DAY_MS;

/** Whether the slot from `at` (the interval long) holds SHRED_HOUR_KST:00 of some day. */
function slotHoldsShredHour(at: Date, intervalMinutes: number): boolean {
  const local = at.getTime() + KST_OFFSET_MS;
  const sinceShredHour = (((local - SHRED_HOUR_KST * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  const untilShredHour = sinceShredHour === 0 ? 0 : DAY_MS - sinceShredHour;
  return untilShredHour < Math.max(intervalMinutes, 1) * 60_000;
}

/**
 * The job: books the next slot first (so a failing purge, retried by the runner, never stops the
 * schedule), then purges, then prunes operational rows (events, finished jobs, used idempotency keys).
 * The purge itself is safe to run concurrently. Once a night (the run whose slot holds 03:00 Korea
 * time), when the purge destroyed anything in the last week, the embedded database's tables holding
 * personal data are rewritten so the destroyed values leave its files (shredErasedRowVersions) —
 * not every run: a rewrite of years of records stalls the embedded server while it lasts.
 */
export const runRetentionPurgeJob: JobHandler = async (ctx) => {
  const minutes = ctx.env.IEUM_PURGE_INTERVAL_MINUTES;
  const now = ctx.now();
  if (minutes > 0) await scheduleRetentionPurge(ctx, new Date(now.getTime() + minutes * 60_000));
  await purgeExpiredPersonalData(ctx, { dryRun: false });
  await pruneOperationalRows(ctx);
  if (
    ctx.database.kind === 'pglite' &&
    slotHoldsShredHour(now, minutes || 60) &&
    (await destructionLogRepository.anySince(
      ctx.database.db,
      'retention-ended',
      new Date(now.getTime() - SHRED_LOOKBACK_MS),
    ))
  ) {
    const started = Date.now();
    const shredded = await shredErasedRowVersions(ctx);
    ctx.logger.info(
      { tables: shredded.tables.length, ms: Date.now() - started },
      'retention purge: destroyed row versions rewritten out of the embedded database',
    );
  }
};
