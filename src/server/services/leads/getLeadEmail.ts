import type { LeadEmail } from '../../../contract/leads/leadEmailSchema.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { wordEmailError } from '../email/wordEmailError.ts';
import { knownNamesOfLead } from './knownNamesOfLead.ts';
import { readableLead } from './readableLead.ts';

/**
 * The brochure e-mail of a lead: subject, body, attachments and delivery state (queued / sent / failed
 * and why). The e-mail greets the customer by name: the preview masks it (and the address) like every
 * masked view; the business team reveals the contact with a reason (POST /leads/{id}/reveal).
 */
export async function getLeadEmail(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  locale: Locale = 'ko',
): Promise<LeadEmail> {
  const { lead } = await readableLead(ctx, user, id);
  const email = lead.brochureEmailId
    ? await leadRepository.findBrochureEmail(ctx.database.db, ctx.fieldCodec, lead.brochureEmailId)
    : undefined;
  if (!email) throw new AppError('not-found', msg('leads.noBrochureEmail'));
  const knownNames = knownNamesOfLead(lead);
  return {
    id: email.id,
    to: maskEmail(email.toAddress),
    subject: maskPersonalText(email.subject, knownNames),
    text: maskPersonalText(email.text, knownNames),
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType ?? null,
      sizeBytes:
        attachment.sizeBytes ??
        (attachment.contentBase64 ? Buffer.from(attachment.contentBase64, 'base64').length : 0),
    })),
    status: email.status,
    attempts: email.attempts,
    lastError: wordEmailError(email.lastError, locale),
    createdAt: email.createdAt.toISOString(),
    sentAt: email.sentAt?.toISOString() ?? null,
  };
}
