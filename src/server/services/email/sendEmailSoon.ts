import type { Database } from '../../db/openDatabase.ts';
import { runJobSoon } from '../../jobs/runJobSoon.ts';
import { emailOutboxRepository } from '../../repositories/emailOutboxRepository.ts';
import { EMAIL_JOB, EMAIL_MAX_ATTEMPTS } from './queueEmail.ts';

/**
 * Has an outbox e-mail sent now: a given-up ('failed') one goes back in the queue, a waiting
 * delivery skips the rest of its backoff, one being sent is left to finish, and a queued e-mail
 * with no delivery job (queued while no SMTP server was configured) gets one. Never adds a second
 * delivery, and never sends a sent e-mail again. Pass the caller's transaction.
 */
export async function sendEmailSoon(
  db: Database,
  outboxId: string,
  now: Date,
): Promise<'added' | 'moved' | 'running' | 'sent'> {
  const email = await emailOutboxRepository.lockById(db, outboxId);
  if (!email || email.status === 'sent') return 'sent';
  if (email.status === 'failed') await emailOutboxRepository.requeueFailed(db, outboxId);
  return runJobSoon(
    db,
    { kind: EMAIL_JOB, payload: { outboxId }, matchOn: 'outboxId', maxAttempts: EMAIL_MAX_ATTEMPTS },
    now,
  );
}
