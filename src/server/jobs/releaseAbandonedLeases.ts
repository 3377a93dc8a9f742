import { and, isNotNull, isNull } from 'drizzle-orm';
import { jobs } from '../db/jobsSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { emailOutboxRepository } from '../repositories/emailOutboxRepository.ts';

/**
 * Frees the work a killed process left leased, at once instead of when its lease runs out. Only
 * for the embedded database: one process at a time holds its data directory, so at start every
 * lease in it belongs to a process that is gone. (On PostgreSQL other instances may be alive;
 * their leases run out by themselves.) An e-mail claim is made expired rather than removed, so its
 * next attempt still knows the last one was cut off. Returns how many jobs were freed.
 */
export async function releaseAbandonedLeases(db: Database): Promise<number> {
  const freed = await db
    .update(jobs)
    .set({ lockedUntil: null, lockedBy: null })
    .where(and(isNull(jobs.doneAt), isNull(jobs.failedAt), isNotNull(jobs.lockedUntil)))
    .returning({ id: jobs.id });
  await emailOutboxRepository.expireAllClaims(db);
  return freed.length;
}
