import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { sendEmailSoon } from '../email/sendEmailSoon.ts';
import { getLead } from './getLead.ts';
import { readableLead } from './readableLead.ts';

/**
 * The business team's one action for a brochure that did not go out: a mail that gave up is queued
 * again, one waiting out its retry backoff (or stranded without a delivery) is sent now. Pressing
 * it twice sends nothing twice — the outbox e-mail is the unit, sent at most once — and a brochure
 * already sent is refused (409), as is one that cannot go (no SMTP server, personal data erased).
 * Each request is logged with who asked; the lead's watchers hear of it live.
 */
export async function resendLeadBrochure(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  /** The caller's language, for the server's own words in the answer (status labels). */
  locale: Locale = 'ko',
): Promise<Lead> {
  if (!ctx.env.SMTP_URL) {
    const message = msg('leads.noSmtp');
    throw new AppError('conflict', message, [{ where: '/brochure', message }]);
  }
  const now = ctx.now();
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const { lead, assigneeId } = await readableLead(ctx, user, id, tx);
    if (!lead.brochureEmailId) throw new AppError('not-found', msg('leads.noBrochureEmail'));
    if (lead.personalDataErasedAt !== null) {
      const message = msg('leads.personalDataErased');
      throw new AppError('conflict', message, [{ where: '/brochure', message }]);
    }
    const result = await sendEmailSoon(tx, lead.brochureEmailId, now);
    if (result === 'sent') {
      const message = msg('leads.brochureAlreadySent');
      throw new AppError('conflict', message, [{ where: '/brochure', message }]);
    }
    await publishEvent(tx, {
      type: 'lead.updated',
      data: {
        leadId: lead.id,
        transferId: lead.transferId,
        status: lead.status,
        change: { action: 'brochure-resend' },
        filedById: lead.filedBy,
        assigneeId,
      },
    });
    return result;
  });
  ctx.logger.info(
    { leadId: id, userId: user.id, delivery: outcome },
    'brochure e-mail resend requested by the business team',
  );
  return getLead(ctx, user, id, locale);
}
