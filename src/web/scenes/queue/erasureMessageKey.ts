import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';

/**
 * What a transfer whose personal data was erased says in place of its contact and of the reveal
 * button, naming the cause (a data-subject request is not the end of the retention period); null
 * while it holds personal data.
 */
export function erasureMessageKey(
  transfer: Pick<Transfer, 'personalDataErasedAt' | 'personalDataErasedBecause'>,
): MessageKey | null {
  if (transfer.personalDataErasedAt === null) return null;
  switch (transfer.personalDataErasedBecause) {
    case 'subject-request':
      return 'transfers.erased.subjectRequest';
    case 'retention-ended':
      return 'transfers.erased.retention';
    default:
      // Erased before the reason was kept, with no destruction-log entry left to tell.
      return 'transfers.erased.unknown';
  }
}
