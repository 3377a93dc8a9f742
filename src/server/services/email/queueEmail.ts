import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { OutboxAttachment } from '../../db/jobsSchema.ts';
import type { Database } from '../../db/openDatabase.ts';
import { enqueueJob } from '../../jobs/enqueueJob.ts';
import { emailOutboxRepository } from '../../repositories/emailOutboxRepository.ts';

/** Job kind that delivers one outbox e-mail. */
export const EMAIL_JOB = 'email.send';

/**
 * Attempts per delivery job. With the runner's doubling backoff from 2 s capped at 30 min, 20
 * attempts span about five hours; after that the e-mail is 'failed' until someone sends it again.
 */
export const EMAIL_MAX_ATTEMPTS = 20;

/** An e-mail to send. Attachments are base64 content, files on disk or uploaded brochures (see OutboxAttachment). */
export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: OutboxAttachment[];
  /** Same key, same e-mail: queuing it again returns the first one and never sends twice. */
  dedupeKey: string;
  /** When it was queued, by the app's clock (`ctx.now()`), so the outbox agrees with the record it belongs to. */
  queuedAt: Date;
};

/**
 * Puts an e-mail in the durable outbox and schedules its delivery, in the caller's transaction,
 * so the mail exists exactly when the record it belongs to was committed. Recipient, subject and
 * body are sealed at rest (they may name a customer).
 */
export async function queueEmail(
  db: Database,
  codec: FieldCodec,
  email: OutgoingEmail,
): Promise<{ id: string; created: boolean }> {
  const id = await emailOutboxRepository.insertOnce(db, codec, {
    dedupeKey: email.dedupeKey,
    toAddress: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html ?? null,
    attachments: email.attachments ?? [],
    createdAt: email.queuedAt,
  });
  if (id === undefined) {
    const found = await emailOutboxRepository.findIdByDedupeKey(db, email.dedupeKey);
    if (!found) throw new Error('outbox e-mail was neither inserted nor found');
    return { id: found, created: false };
  }
  await enqueueJob(db, { kind: EMAIL_JOB, payload: { outboxId: id }, maxAttempts: EMAIL_MAX_ATTEMPTS });
  return { id, created: true };
}
