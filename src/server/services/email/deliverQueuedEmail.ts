import type { Transporter } from 'nodemailer';
import type { AppContext } from '../../appContext.ts';
import { errorCodeOf } from '../../errorCodeOf.ts';
import type { ServerMessageKey } from '../../i18n/serverMessages.ts';
import { type ClaimedJob, PermanentJobError, RetryJobLaterError } from '../../jobs/jobHandlers.ts';
import { keepLeaseAlive } from '../../jobs/keepLeaseAlive.ts';
import { type ClaimedEmail, emailOutboxRepository } from '../../repositories/emailOutboxRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { loadBrochure } from '../leads/loadBrochure.ts';
import { runEmailSentHooks } from './emailSentHooks.ts';

/** Why a queued e-mail has not gone out when no SMTP server is configured (shown on the lead). */
export const WAITING_FOR_SMTP: ServerMessageKey = 'emails.waitingForSmtp';

// How long a claim reserves an e-mail for one sender, renewed every third of it while the SMTP
// conversation runs. A sender killed mid-conversation frees the e-mail this long after its last renewal.
const CLAIM_MS = 30_000;
// After SMTP accepted the mail, recording "sent" is retried this many times (a database blip, a
// PostgreSQL restart) while the claim is kept alive, rather than letting the claim lapse — a lapsed
// claim means the mail is sent again.
const RECORD_ATTEMPTS = 30;
const RECORD_RETRY_MS = 1_000;

const transports = new Map<string, Transporter>();

async function transportFor(url: string, timeoutSeconds: number): Promise<Transporter> {
  const key = `${timeoutSeconds} ${url}`;
  let transport = transports.get(key);
  if (!transport) {
    // Loaded with the first e-mail sent, not at every start.
    const { default: nodemailer } = await import('nodemailer');
    const { default: SMTPTransport } = await import('nodemailer/lib/smtp-transport/index.js');
    const made = transports.get(key); // another send made it meanwhile
    if (made) return made;
    const timeoutMs = timeoutSeconds * 1000;
    // Every step is bounded: a server that accepts and never greets (or stalls mid-message) turns
    // into a failed attempt and a retry with backoff, not a worker stuck for good. (Built as an
    // SMTPTransport: nodemailer.createTransport(url, …) reads only the URL and takes the second
    // argument as message defaults, so timeouts passed there were silently ignored.)
    transport = nodemailer.createTransport(
      new SMTPTransport({
        url,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        dnsTimeout: timeoutMs,
      }),
    );
    transports.set(key, transport);
  }
  return transport;
}

/**
 * The bytes of an uploaded brochure an e-mail refers to. Uploads are never deleted, so it is there;
 * should a restored database lack it, the brochure sent now is better than none.
 */
async function brochureContent(ctx: AppContext, id: string): Promise<Buffer> {
  const stored = await leadRepository.findBrochureContent(ctx.database.db, id);
  return stored === undefined ? (await loadBrochure(ctx)).content : Buffer.from(stored, 'base64');
}

async function sendOverSmtp(ctx: AppContext, smtpUrl: string, claimed: ClaimedEmail): Promise<void> {
  const { email } = claimed;
  // Read before the SMTP conversation starts (no transaction is open here).
  const attachments = await Promise.all(
    email.attachments.map(async (a) => ({
      filename: a.filename,
      ...(a.path ? { path: a.path } : {}),
      ...(a.contentBase64 ? { content: Buffer.from(a.contentBase64, 'base64') } : {}),
      ...(a.brochureFileId ? { content: await brochureContent(ctx, a.brochureFileId) } : {}),
      ...(a.contentType ? { contentType: a.contentType } : {}),
    })),
  );
  await (await transportFor(smtpUrl, ctx.env.SMTP_TIMEOUT_SECONDS)).sendMail({
    from: ctx.env.MAIL_FROM,
    // Customer addresses (sign-up leads) are stored encrypted like all personal data.
    to: email.toAddress,
    subject: email.subject,
    text: email.text,
    ...(email.html ? { html: email.html } : {}),
    messageId: email.messageId,
    attachments,
  });
}

/** What went wrong, for the outbox row: nodemailer's message and, when it has one, its code ('Timeout (ETIMEDOUT)'). */
function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = errorCodeOf(error);
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}

/** Marks the e-mail sent and runs the sent hooks, retrying a failing database for a while. */
async function recordSent(ctx: AppContext, email: ClaimedEmail['email']): Promise<void> {
  const sentAt = ctx.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.database.db.transaction(async (tx) => {
        const marked = await emailOutboxRepository.recordSent(tx, email.id, sentAt);
        // Same transaction: whoever queued the mail (a lead's callback) learns it went out exactly when that is committed.
        if (marked) await runEmailSentHooks(ctx, tx, { id: email.id, dedupeKey: email.dedupeKey, sentAt });
      });
      return;
    } catch (error) {
      if (attempt >= RECORD_ATTEMPTS) throw error;
      ctx.logger.warn({ err: error, outboxId: email.id }, 'e-mail sent but not yet recorded; retrying');
      await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS));
    }
  }
}

/**
 * Job handler: sends one outbox e-mail over SMTP, in three steps so that no database transaction
 * is open while the network is used (PGlite runs one transaction at a time; a hung SMTP server
 * inside one froze every request): claim the e-mail (committed), talk SMTP with bounded timeouts
 * (SMTP_TIMEOUT_SECONDS) while renewing the claim, record the outcome (committed, with the sent
 * hooks). Without SMTP_URL the mail waits in the outbox, readable in the app, and is sent once a
 * server with SMTP_URL starts (resumeQueuedEmail).
 *
 * Sent at most once, with one exception. The claim keeps every other worker and retried job off
 * the e-mail while its sender is alive, and a sent e-mail is never claimed again. The exception is
 * a sender that dies (SIGKILL, power loss) after the SMTP server accepted the message and before
 * "sent" was committed — a window of one database round trip. Nothing on our side can tell that
 * apart from dying just before the server accepted, so when the claim lapses the e-mail is sent
 * again (a lost brochure is worse than a second one), with the same Message-ID, so mail systems
 * that deduplicate by Message-ID show it once; the second attempt is logged as a warning.
 */
export async function deliverQueuedEmail(ctx: AppContext, job: ClaimedJob): Promise<void> {
  const outboxId = job.payload.outboxId;
  if (typeof outboxId !== 'string') throw new PermanentJobError('email.send job without outboxId');
  const db = ctx.database.db;
  const smtpUrl = ctx.env.SMTP_URL;
  if (!smtpUrl) {
    await emailOutboxRepository.noteWaiting(db, outboxId, WAITING_FOR_SMTP);
    return;
  }
  const by = `${job.id}#${job.attempts}`;
  const claimUntil = () => new Date(ctx.now().getTime() + CLAIM_MS);
  const claimed = await emailOutboxRepository.claimForSending(db, ctx.fieldCodec, {
    id: outboxId,
    by,
    now: ctx.now(),
    until: claimUntil(),
  });
  if (claimed.kind === 'finished') return; // sent already, or given up
  if (claimed.kind === 'busy') {
    // Another sender is talking SMTP (or was, and died): look again when its claim runs out.
    throw new RetryJobLaterError(
      'another worker is sending this e-mail',
      new Date(claimed.until.getTime() + 1),
    );
  }
  if (claimed.interrupted) {
    ctx.logger.warn(
      { outboxId, messageId: claimed.email.messageId },
      'the last attempt to send this e-mail was cut off and may have been delivered; sending it again with the same Message-ID',
    );
  }
  const lease = keepLeaseAlive(
    CLAIM_MS / 3,
    () => emailOutboxRepository.extendClaim(db, { id: outboxId, by, until: claimUntil() }),
    (error) => ctx.logger.warn({ err: error, outboxId }, 'could not renew the e-mail claim'),
  );
  try {
    let failure: string | null = null;
    try {
      await sendOverSmtp(ctx, smtpUrl, claimed);
    } catch (error) {
      failure = describeSmtpError(error);
    }
    if (failure !== null) {
      await emailOutboxRepository.recordFailure(db, {
        id: outboxId,
        by,
        lastError: failure,
        final: job.attempts >= job.maxAttempts,
      });
      throw new Error(`SMTP delivery failed: ${failure}`);
    }
    await recordSent(ctx, claimed.email);
  } finally {
    await lease.stop();
  }
}
