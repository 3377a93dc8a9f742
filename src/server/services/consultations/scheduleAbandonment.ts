import type { AppContext } from '../../appContext.ts';
import { enqueueSlotJob } from '../../jobs/enqueueSlotJob.ts';
import type { JobHandler } from '../../jobs/jobHandlers.ts';
import { abandonIdleConsultations } from './abandonIdleConsultations.ts';

/** Job kind of the sweep that abandons idle consultations. */
export const ABANDON_IDLE_JOB = 'consultation.abandon-idle';

/** How often the sweep runs: every 5 minutes, or more often when the idle limit is shorter. */
function sweepMinutes(ctx: AppContext): number {
  return Math.max(1, Math.min(5, ctx.env.IEUM_ABANDON_AFTER_MINUTES));
}

/**
 * Books the sweep for the slot containing `at`. The slot's start is the dedupe key, so however
 * many instances start or finish a run, each slot has one job, worked by one instance.
 */
export async function scheduleAbandonment(ctx: AppContext, at: Date = ctx.now()): Promise<void> {
  await enqueueSlotJob(ctx.database.db, ABANDON_IDLE_JOB, sweepMinutes(ctx) * 60_000, at);
}

/** The job: books the next slot first (a failing sweep, retried, never stops the schedule), then sweeps. */
export const runAbandonmentJob: JobHandler = async (ctx) => {
  await scheduleAbandonment(ctx, new Date(ctx.now().getTime() + sweepMinutes(ctx) * 60_000));
  await abandonIdleConsultations(ctx);
};
