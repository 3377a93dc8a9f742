import type { Lead } from '../../../contract/leads/leadSchema.ts';

/** How the brochure e-mail's state reads on a badge, and why it waits or failed (the outbox's last error). */
export type BrochureDescription = { label: string; color: string; reason: string | null };

/**
 * The brochure e-mail as the business team needs to read it: 발송 대기 (queued — with the reason when
 * it waits, e.g. no SMTP_URL configured, or SMTP was down and it retries), 발송됨, or 발송 실패 with
 * the reason (retries ran out), so they know whether to call about a brochure the customer never got.
 */
export function describeBrochure(brochure: Lead['brochure']): BrochureDescription {
  switch (brochure.status) {
    case 'sent':
      return { label: '발송됨', color: 'teal', reason: null };
    case 'failed':
      return { label: '발송 실패', color: 'red', reason: brochure.lastError ?? '원인 미상' };
    case 'queued':
      return { label: '발송 대기', color: 'yellow', reason: brochure.lastError };
    default:
      return { label: '메일 없음', color: 'gray', reason: null };
  }
}
