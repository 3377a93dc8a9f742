import type { TransferStatus } from '../transfer/transferStatuses.ts';
import type { CallbackOutcome } from './leadStatuses.ts';

/**
 * Where a sign-up lead's callback outcome puts the transfer filed with it. The lead's callback is
 * the team's contact with the customer, so the transfer follows it rather than being worked twice:
 * the customer reached (통화 완료) is the transfer's 연락완료 — the SLA clock stops when the customer
 * was reached, not days later when the lead is finished — and an outcome that finishes the lead
 * (가입, 관심 없음, 잘못된 번호) closes it. An unanswered call (부재중) changes nothing: the lead's
 * next callback is what the team works to.
 */
export function transferStatusAfterLeadOutcome(outcome: CallbackOutcome): TransferStatus | null {
  switch (outcome) {
    case 'reached':
      return 'contacted';
    case 'signed-up':
    case 'not-interested':
    case 'wrong-number':
      return 'closed';
    case 'no-answer':
      return null;
  }
}
