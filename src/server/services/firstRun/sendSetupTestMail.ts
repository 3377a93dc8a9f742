import { randomUUID } from 'node:crypto';
import type { FirstRunChecklist } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import type { SendTestMailInput } from '../../../contract/firstRun/sendTestMailSchema.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { firstRunRepository } from '../../repositories/firstRunRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { queueEmail } from '../email/queueEmail.ts';
import { readFirstRunChecklist } from './getFirstRunChecklist.ts';

/**
 * Queues the first-run SMTP test mail through the same outbox and delivery job as every other
 * e-mail, so a delivered test proves the path the brochures take. It is sent by the job runner
 * after the commit (never inside a transaction); the checklist shows its delivery as it goes.
 * Refused while SMTP_URL is unset: the mail would only wait in the outbox.
 */
export async function sendSetupTestMail(
  ctx: AppContext,
  actor: PublicUser,
  input: SendTestMailInput,
  locale: Locale = 'ko',
): Promise<FirstRunChecklist> {
  if (!ctx.env.SMTP_URL) {
    throw new AppError('conflict', msg('firstRun.smtpNotConfigured'), [
      { where: 'SMTP_URL', message: msg('firstRun.smtpNotConfiguredDetail') },
    ]);
  }
  const now = ctx.now();
  // Both languages in one mail: whoever reads the admin's mailbox, and the mail is data, not UI.
  const subject = `${translate('ko', msg('firstRun.testMailSubject'))} / ${translate('en', msg('firstRun.testMailSubject'))}`;
  const text = [
    translate('ko', msg('firstRun.testMailBody', { name: actor.name })),
    '',
    translate('en', msg('firstRun.testMailBody', { name: actor.name })),
  ].join('\n');
  return ctx.database.db.transaction(async (tx) => {
    const queued = await queueEmail(tx, ctx.fieldCodec, {
      to: input.to,
      subject,
      text,
      dedupeKey: `first-run.test-mail:${randomUUID()}`,
      queuedAt: now,
    });
    await firstRunRepository.upsertStep(tx, 'smtp', {
      testMailId: queued.id,
      testMailTo: maskEmail(input.to),
      updatedAt: now,
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: actor.id,
      action: 'first-run.test-mail',
      subject: 'first-run:smtp',
      detail: { outboxId: queued.id },
    });
    return readFirstRunChecklist(tx, ctx, locale);
  });
}
