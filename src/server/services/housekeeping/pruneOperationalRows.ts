import type { AppContext } from '../../appContext.ts';
import { housekeepingRepository } from '../../repositories/housekeepingRepository.ts';

const DAY_MS = 24 * 60 * 60_000;
/** A screen offline longer than this reloads instead of catching up with Last-Event-ID. */
export const EVENT_KEEP_DAYS = 7;
/** Finished jobs are kept a month for troubleshooting (the e-mail outbox and webhook log keep their own history). */
export const FINISHED_JOB_KEEP_DAYS = 30;
/** A client retrying a request a week later is not retrying any more. */
export const IDEMPOTENCY_KEY_KEEP_DAYS = 7;

/**
 * Deletes operational rows that only grow otherwise: live events, finished jobs and used
 * Idempotency-Keys. Runs with the scheduled retention purge, one instance at a time. (The
 * month-old webhook delivery log, whose bodies may hold personal data, is the retention purge's:
 * privacy/purgers/webhookDeliveryPurger.ts.)
 */
export async function pruneOperationalRows(
  ctx: AppContext,
): Promise<{ events: number; jobs: number; idempotencyKeys: number }> {
  const now = ctx.now().getTime();
  const db = ctx.database.db;
  return {
    events: await housekeepingRepository.deleteEventsBefore(db, new Date(now - EVENT_KEEP_DAYS * DAY_MS)),
    jobs: await housekeepingRepository.deleteFinishedJobsBefore(
      db,
      new Date(now - FINISHED_JOB_KEEP_DAYS * DAY_MS),
    ),
    idempotencyKeys: await housekeepingRepository.deleteIdempotencyKeysBefore(
      db,
      new Date(now - IDEMPOTENCY_KEY_KEEP_DAYS * DAY_MS),
    ),
  };
}
