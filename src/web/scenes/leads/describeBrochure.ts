import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { Translate } from '../../i18n/useT.ts';

/** How the brochure e-mail's state reads on a badge, and why it waits or failed (the outbox's last error). */
export type BrochureDescription = { label: string; color: string; reason: string | null };

/**
 * The brochure e-mail as the business team needs to read it: 발송 대기 (queued — with the reason when
 * it waits, e.g. no SMTP_URL configured, or SMTP was down and it retries), 발송됨, or 발송 실패 with
 * the reason (retries ran out), so they know whether to call about a brochure the customer never got
 * — or, for a repeat lead, that it went with the customer's earlier lead (none was queued again).
 */
export function describeBrochure(
  brochure: Pick<Lead['brochure'], 'status' | 'lastError'> & Partial<Pick<Lead['brochure'], 'sentWith'>>,
  t: Translate,
): BrochureDescription {
  // A repeat lead's customer got the brochure with their earlier lead: none was queued for this one.
  // Should that e-mail fail after all, this lead says so too (it is sent again from that lead).
  if (brochure.status === 'none' && brochure.sentWith) {
    const { number, status } = brochure.sentWith;
    return status === 'failed'
      ? {
          label: t('leads.brochure.sentWithFailed', { number }),
          color: 'red',
          reason: t('leads.brochure.sentWithFailedHint', { number }),
        }
      : {
          label: t('leads.brochure.sentWith', { number }),
          color: status === 'sent' ? 'teal' : 'yellow',
          reason: t('leads.brochure.sentWithHint', { number }),
        };
  }
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
