import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
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
export async function resendLeadBrochure(ctx: AppContext, user: PublicUser, id: string): Promise<Lead> {
  if (!ctx.env.SMTP_URL) {
    const message =
      '메일 서버(SMTP_URL)가 설정되지 않아 지금은 보낼 수 없습니다. 설정 후 서버가 다시 시작되면 대기 중인 메일이 자동으로 발송됩니다.';
    throw new AppError('conflict', message, [{ where: '/brochure', message }]);
  }
  const now = ctx.now();
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const { lead, assigneeId } = await readableLead(ctx, user, id, tx);
    if (!lead.brochureEmailId) throw new AppError('not-found', '이 리드에는 가입 소개서 메일이 없습니다.');
    if (lead.personalDataErasedAt !== null) {
      const message = '개인정보가 파기된 리드라 소개서를 보낼 수 없습니다.';
      throw new AppError('conflict', message, [{ where: '/brochure', message }]);
    }
    const result = await sendEmailSoon(tx, lead.brochureEmailId, now);
    if (result === 'sent') {
      const message = '가입 소개서는 이미 발송되었습니다.';
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
  return getLead(ctx, user, id);
}
