import type { AppContext } from '../../appContext.ts';
import { emailOutboxRepository } from '../../repositories/emailOutboxRepository.ts';
import { sendEmailSoon } from './sendEmailSoon.ts';

/**
 * At start with SMTP_URL set: every e-mail still queued gets sent now. Mail queued while no SMTP
 * server was configured waited in the outbox with its delivery job finished; without this it
 * would wait forever (a lead's brochure, and with it the lead's callback). Mail already on its
 * way (a delivery job pending or running) is not doubled. Returns how many e-mails were resumed.
 */
export async function resumeQueuedEmail(ctx: AppContext): Promise<number> {
  if (!ctx.env.SMTP_URL) return 0;
  let resumed = 0;
  for (const id of await emailOutboxRepository.listQueuedIds(ctx.database.db)) {
    const outcome = await ctx.database.db.transaction((tx) => sendEmailSoon(tx, id, ctx.now()));
    if (outcome === 'added') resumed += 1;
  }
  if (resumed > 0) ctx.logger.info({ emails: resumed }, 'queued e-mails sent now that SMTP is configured');
  return resumed;
}
