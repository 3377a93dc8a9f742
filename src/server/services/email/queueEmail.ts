import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { emailOutbox } from '../../db/jobsSchema.ts';
import type { Database } from '../../db/openDatabase.ts';
import { enqueueJob } from '../../jobs/enqueueJob.ts';

/** Job kind that delivers one outbox e-mail. */
export const EMAIL_JOB = 'email.send';

/**
 * Attempts per delivery job. With the runner's doubling backoff from 2 s capped at 30 min, 20
 * attempts span about five hours; after that the e-mail is 'failed' until someone sends it again.
 */
export const EMAIL_MAX_ATTEMPTS = 20;

/** An e-mail to send. Attachments are files on disk (the brochure) or base64 content. */
export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: Array<{ filename: string; path?: string; contentBase64?: string; contentType?: string }>;
  /** Same key, same e-mail: queuing it again returns the first one and never sends twice. */
  dedupeKey: string;
  /** When it was queued, by the app's clock (`ctx.now()`), so the outbox agrees with the record it belongs to. */
  queuedAt: Date;
};

/**
 * Puts an e-mail in the durable outbox and schedules its delivery, in the caller's transaction,
 * so the mail exists exactly when the record it belongs to was committed.
 */
export async function queueEmail(
  db: Database,
  email: OutgoingEmail,
): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insert(emailOutbox)
    .values({
      dedupeKey: email.dedupeKey,
      toAddress: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html ?? null,
      attachments: email.attachments ?? [],
      messageId: `<${randomUUID()}@ieum>`,
      createdAt: email.queuedAt,
    })
    .onConflictDoNothing()
    .returning({ id: emailOutbox.id });
  const row = inserted[0];
  if (!row) {
    const existing = await db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(eq(emailOutbox.dedupeKey, email.dedupeKey))
      .limit(1);
    const found = existing[0];
    if (!found) throw new Error('outbox e-mail was neither inserted nor found');
    return { id: found.id, created: false };
  }
  await enqueueJob(db, { kind: EMAIL_JOB, payload: { outboxId: row.id }, maxAttempts: EMAIL_MAX_ATTEMPTS });
  return { id: row.id, created: true };
}
