import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../appContext.ts';
import { jobs } from '../db/jobsSchema.ts';
import { queryRows } from '../db/queryRows.ts';
import { JOBS_CHANNEL } from './enqueueJob.ts';
import { type ClaimedJob, findJobHandler, PermanentJobError, RetryJobLaterError } from './jobHandlers.ts';
import { keepLeaseAlive } from './keepLeaseAlive.ts';

const claimedRow = z.object({
  id: z.string(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number(),
  max_attempts: z.number(),
});

// A dead worker's job is picked up again this long after its last renewal (plus one poll).
const DEFAULT_LEASE_MS = 20_000;

/** Tuning of a job runner. */
export type JobRunnerOptions = {
  /** How often to look for due jobs when no NOTIFY wakes the runner (ms). */
  pollMs?: number;
  /** Jobs claimed per round. */
  batchSize?: number;
  /**
   * How long a claimed job is reserved for this worker (ms), renewed every quarter of it while the
   * handler runs; once a worker stops renewing (its process was killed), another retries the job.
   */
  leaseMs?: number;
  /** First retry delay (ms); doubled per attempt, capped at maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
};

/** A running job runner. `runDue` works every job due now (tests call it directly). */
export type JobRunner = { runDue: () => Promise<number>; stop: () => Promise<void> };

/**
 * Works the durable job table: claims due jobs with FOR UPDATE SKIP LOCKED (so instances never
 * work the same job at once), runs their handlers, and records success, retry with exponential
 * backoff, or failure. Wakes on NOTIFY and otherwise polls.
 */
export async function startJobRunner(ctx: AppContext, options: JobRunnerOptions = {}): Promise<JobRunner> {
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 5;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const backoffMs = options.backoffMs ?? 2_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30 * 60_000;
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const db = ctx.database.db;

  const claim = async (): Promise<ClaimedJob[]> => {
    const now = ctx.now();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const rows = await queryRows(
      db,
      sql`
      update jobs set locked_until = ${leaseUntil.toISOString()}::timestamptz, locked_by = ${workerId}, attempts = attempts + 1
      where id in (
        select id from jobs
        where done_at is null and failed_at is null and run_at <= ${now.toISOString()}::timestamptz
          and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
        order by run_at
        limit ${batchSize}
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts`,
      claimedRow,
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
    }));
  };

  const finish = async (job: ClaimedJob, error: unknown): Promise<void> => {
    const now = ctx.now();
    const mine = and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId));
    if (error === null) {
      await db.update(jobs).set({ doneAt: now, lockedUntil: null, lastError: null }).where(mine);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RetryJobLaterError) {
      await db
        .update(jobs)
        .set({
          runAt: error.retryAt,
          lockedUntil: null,
          lastError: message,
          attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
        })
        .where(mine);
      return;
    }
    const giveUp = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    if (giveUp) {
      await db.update(jobs).set({ failedAt: now, lockedUntil: null, lastError: message }).where(mine);
      ctx.logger.warn(
        { job: job.id, kind: job.kind, attempts: job.attempts },
        `job failed for good: ${message}`,
      );
      return;
    }
    const delay = Math.min(maxBackoffMs, backoffMs * 2 ** (job.attempts - 1));
    await db
      .update(jobs)
      .set({ runAt: new Date(now.getTime() + delay), lockedUntil: null, lastError: message })
      .where(mine);
    ctx.logger.info(
      { job: job.id, kind: job.kind, attempts: job.attempts, retryInMs: delay },
      `job will be retried: ${message}`,
    );
  };

  let running: Promise<number> | null = null;
  const runDueOnce = async (): Promise<number> => {
    let worked = 0;
    for (;;) {
      const claimed = await claim();
      if (claimed.length === 0) return worked;
      for (const job of claimed) {
        const handler = findJobHandler(job.kind);
        const lease = keepLeaseAlive(
          leaseMs / 4,
          async () => {
            await db
              .update(jobs)
              .set({ lockedUntil: new Date(ctx.now().getTime() + leaseMs) })
              .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
          },
          (error) => ctx.logger.warn({ err: error, job: job.id }, 'could not renew the job lease'),
        );
        let outcome: unknown = null;
        try {
          if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
          await handler(ctx, job);
        } catch (error) {
          outcome = error;
        } finally {
          await lease.stop();
        }
        await finish(job, outcome);
        worked += 1;
      }
    }
  };
  // One round at a time per process: a NOTIFY during a round just schedules the next one.
  let again = false;
  const runDue = async (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await runDueOnce();
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  let stopped = false;
  const tick = () => {
    if (stopped) return;
    runDue().catch((error) => ctx.logger.error({ err: error }, 'job runner round failed'));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  // Work added while the LISTEN connection was down woke nobody: look at once when it is back.
  const unlisten = await ctx.database.listen(JOBS_CHANNEL, tick, { onReconnect: tick });
  tick();
  return {
    runDue,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await unlisten();
      await running?.catch(() => {});
    },
  };
}
