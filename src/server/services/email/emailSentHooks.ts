import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';

/** An outbox e-mail that was just sent. */
export type SentEmail = { id: string; dedupeKey: string; sentAt: Date };

/**
 * Runs in the transaction that marks an e-mail sent, after SMTP accepted it. Keep it to small,
 * certain writes (enqueue a job): if it threw, the "sent" mark would roll back and the mail would
 * be sent again — do the real work in the job.
 */
export type EmailSentHook = (ctx: AppContext, tx: Database, email: SentEmail) => Promise<void>;

const hooks = new Map<string, EmailSentHook>();

/**
 * Registers a hook for e-mails whose dedupe key starts with `prefix` (e.g. 'lead-brochure:'), so
 * the area that queued a mail hears, in the same transaction, that it went out. Registering a
 * prefix twice replaces the hook.
 */
export function registerEmailSentHook(prefix: string, hook: EmailSentHook): void {
  hooks.set(prefix, hook);
}

/** Runs the hooks matching a sent e-mail (called by deliverQueuedEmail). */
export async function runEmailSentHooks(ctx: AppContext, tx: Database, email: SentEmail): Promise<void> {
  for (const [prefix, hook] of hooks) {
    if (email.dedupeKey.startsWith(prefix)) await hook(ctx, tx, email);
  }
}
