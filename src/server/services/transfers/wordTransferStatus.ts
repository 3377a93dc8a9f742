import type { TransferStatus } from '../../../domain/transfer/transferStatuses.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';

const statusMessages = {
  received: msg('transferHistory.statusReceived'),
  'in-progress': msg('transferHistory.statusInProgress'),
  contacted: msg('transferHistory.statusContacted'),
  unreachable: msg('transferHistory.statusUnreachable'),
  closed: msg('transferHistory.statusClosed'),
} as const satisfies Record<TransferStatus, unknown>;

/** A transfer status as people read it, in `locale` (the Korean words are transferStatusLabels'). */
export function wordTransferStatus(locale: Locale, status: TransferStatus): string {
  return translate(locale, statusMessages[status]);
}
