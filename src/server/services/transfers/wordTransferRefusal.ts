import {
  nextTransferStatuses,
  type TransferTransitionRefusal,
  type TransferTransitionRequest,
} from '../../../domain/transfer/decideTransferTransition.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';

/**
 * Why a status change was refused, from the catalogue: the domain words its refusals in Korean
 * only, and an English caller must learn the same (from which status to which, and which moves are
 * open) rather than a bare reason code. Statuses go in as codes, worded per language.
 */
export function wordTransferRefusal(
  refusal: TransferTransitionRefusal,
  request: Pick<TransferTransitionRequest, 'from' | 'to' | 'leadOpen'>,
): LocalisedText {
  const { from, to } = request;
  switch (refusal.reason) {
    case 'same-status':
      return msg('transfers.alreadyInStatus', { status: to });
    case 'not-allowed': {
      const allowed = nextTransferStatuses(from, request);
      return allowed.length === 0
        ? msg('transfers.moveFromFinal', { from, to })
        : msg('transfers.moveNotAllowed', { from, to, allowed: allowed.join(',') });
    }
    case 'lead-open':
      return msg('transfers.closedByLeadOutcome');
    case 'retry-required':
      return msg('transfers.retryRequired');
    case 'retry-in-past':
      return msg('transfers.retryInPast');
    case 'retry-not-expected':
      return msg('transfers.retryNotExpected');
  }
}
