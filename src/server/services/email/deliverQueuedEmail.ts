import { and, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../../appContext.ts';
import { decryptField, isEncryptedField } from '../../crypto/decryptField.ts';
import { emailOutbox } from '../../db/jobsSchema.ts';
import { type ClaimedJob, PermanentJobError } from '../../jobs/jobHandlers.ts';
import { runEmailSentHooks } from './emailSentHooks.ts';

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    // Short timeouts: a hung SMTP server should turn into a retry, not a stuck worker.
    transport = nodemailer.createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Job handler: sends one outbox e-mail over SMTP. The outbox row is locked while sending and
 * skipped once sent, so two workers (or a retried job) never send it twice. Without SMTP_URL the
 * mail stays queued in the outbox, readable in the app, and the job ends without retrying.
 */
export async function deliverQueuedEmail(ctx: AppContext, job: ClaimedJob): Promise<void> {
  const outboxId = job.payload.outboxId;
  if (typeof outboxId !== 'string') throw new PermanentJobError('email.send job without outboxId');
  const smtpUrl = ctx.env.SMTP_URL;
  const failure = await ctx.database.db.transaction(async (tx): Promise<string | null> => {
    const rows = await tx
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'queued')))
      .for('update', { skipLocked: true })
      .limit(1);
    const email = rows[0];
    if (!email) return null; // sent already, or being sent by another worker right now
    if (!smtpUrl) {
      await tx
        .update(emailOutbox)
        .set({ lastError: 'SMTP_URL이 설정되지 않아 발송 대기 중입니다.' })
        .where(eq(emailOutbox.id, outboxId));
      return null;
    }
    try {
      await transportFor(smtpUrl).sendMail({
        from: ctx.env.MAIL_FROM,
        // Customer addresses (sign-up leads) are stored encrypted like all personal data.
        to: isEncryptedField(email.toAddress)
          ? decryptField(ctx.fieldKeys, email.toAddress)
          : email.toAddress,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        messageId: email.messageId,
        attachments: email.attachments.map((a) => ({
          filename: a.filename,
          ...(a.path ? { path: a.path } : {}),
          ...(a.contentBase64 ? { content: Buffer.from(a.contentBase64, 'base64') } : {}),
          ...(a.contentType ? { contentType: a.contentType } : {}),
        })),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.maxAttempts;
      await tx
        .update(emailOutbox)
        .set({
          attempts: sql`${emailOutbox.attempts} + 1`,
          lastError: message,
          ...(final ? { status: 'failed' as const } : {}),
        })
        .where(eq(emailOutbox.id, outboxId));
      // Returned, not thrown: the failure must be committed before the runner schedules a retry.
      return message;
    }
    const sentAt = ctx.now();
    await tx
      .update(emailOutbox)
      .set({ status: 'sent', sentAt, attempts: sql`${emailOutbox.attempts} + 1`, lastError: null })
      .where(eq(emailOutbox.id, outboxId));
    // Same transaction: whoever queued the mail (a lead's callback) learns it went out exactly when that is committed.
    await runEmailSentHooks(ctx, tx, { id: outboxId, dedupeKey: email.dedupeKey, sentAt });
    return null;
  });
  if (failure) throw new Error(`SMTP delivery failed: ${failure}`);
}
