import { and, eq, isNull, sql } from 'drizzle-orm';
import { jobs } from '../db/jobsSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { enqueueJob, JOBS_CHANNEL } from './enqueueJob.ts';

/** A job that should run now, found by kind and one payload field (e.g. the outbox id it works on). */
export type SoonJob = {
  kind: string;
  payload: Record<string, string>;
  /** The payload field that identifies the work. */
  matchOn: string;
  maxAttempts?: number;
};

/**
 * Makes sure the work runs now, without ever adding a second pending job for it: a pending job
 * waiting out its backoff is moved to now, a running one is left alone, and a job is added only
 * when none is pending. Idempotent: call it as often as you like. Pass the caller's transaction.
 */
export async function runJobSoon(
  db: Database,
  job: SoonJob,
  now: Date,
): Promise<'added' | 'moved' | 'running'> {
  const value = job.payload[job.matchOn] ?? '';
  const pending = await db
    .select({ id: jobs.id, lockedUntil: jobs.lockedUntil })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, job.kind),
        sql`${jobs.payload}->>${job.matchOn} = ${value}`,
        isNull(jobs.doneAt),
        isNull(jobs.failedAt),
      ),
    )
    .for('update');
  if (pending.some((row) => row.lockedUntil !== null && row.lockedUntil > now)) return 'running';
  const [waiting] = pending;
  if (waiting) {
    // As enqueueJob's "at once": the epoch is due whatever any clock says.
    await db
      .update(jobs)
      .set({ runAt: new Date(0), lockedUntil: null })
      .where(eq(jobs.id, waiting.id));
    await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${job.kind})`);
    return 'moved';
  }
  await enqueueJob(db, {
    kind: job.kind,
    payload: job.payload,
    ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
  });
  return 'added';
}
