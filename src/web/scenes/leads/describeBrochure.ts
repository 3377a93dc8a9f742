import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { Translate } from '../../i18n/useT.ts';

/** How the brochure e-mail's state reads on a badge, and why it waits or failed (the outbox's last error). */
export type BrochureDescription = { label: string; color: string; reason: string | null };

/**
 * The brochure e-mail as the business team needs to read it: 발송 대기 (queued — with the reason when
 * it waits, e.g. no SMTP_URL configured, or SMTP was down and it retries), 발송됨, or 발송 실패 with
 * the reason (retries ran out), so they know whether to call about a brochure the customer never got.
 */
export function describeBrochure(brochure: Lead['brochure'], t: Translate): BrochureDescription {
  switch (brochure.status) {
    case 'sent':
      return { label: t('leads.brochure.sent'), color: 'teal', reason: null };
    case 'failed':
      return {
        label: t('leads.brochure.failed'),
        color: 'red',
        reason: brochure.lastError ?? t('leads.brochure.unknownCause'),
      };
    case 'queued':
      return { label: t('leads.brochure.queued'), color: 'yellow', reason: brochure.lastError };
    default:
      return { label: t('leads.brochure.none'), color: 'gray', reason: null };
  }
}
