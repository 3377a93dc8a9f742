import { sql } from 'drizzle-orm';
import { jobs } from '../db/jobsSchema.ts';
import type { Database } from '../db/openDatabase.ts';

/** Channel on which runners are woken when work is added. */
export const JOBS_CHANNEL = 'ieum_jobs';

// "As soon as possible" is stored as the epoch, so it is due whatever any clock says.
const ASAP = new Date(0);

/** A job to run in the background. */
export type NewJob = {
  kind: string;
  payload: Record<string, unknown>;
  /** Not before this instant; default: at once. */
  runAt?: Date;
  /** A second job with the same key is not created while the first exists (idempotent enqueue). */
  dedupeKey?: string;
  maxAttempts?: number;
};

/**
 * Adds a durable job. Pass the transaction that writes the data the job is about: the job then
 * exists exactly when that data was committed, and the runners are woken on commit.
 */
export async function enqueueJob(db: Database, job: NewJob): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      runAt: job.runAt ?? ASAP,
      dedupeKey: job.dedupeKey ?? null,
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  const row = inserted[0];
  if (row) {
    await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${job.kind})`);
    return { id: row.id, created: true };
  }
  const existing = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(sql`${jobs.dedupeKey} = ${job.dedupeKey ?? null}`)
    .limit(1);
  const found = existing[0];
  if (!found) throw new Error(`job ${job.kind} was neither inserted nor found`);
  return { id: found.id, created: false };
}
