import type { TransferStatus } from '../../../contract/transfers/transferStatusSchema.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';

/** Badge colour per workflow state, the same on every transfer screen. */
export const statusColors: Record<TransferStatus, string> = {
  received: 'blue',
  'in-progress': 'yellow',
  contacted: 'teal',
  unreachable: 'orange',
  closed: 'gray',
};

/** The message naming each workflow state, for screens in the UI language. */
export const statusMessageKeys: Record<TransferStatus, MessageKey> = {
  received: 'transfers.status.received',
  'in-progress': 'transfers.status.in-progress',
  contacted: 'transfers.status.contacted',
  unreachable: 'transfers.status.unreachable',
  closed: 'transfers.status.closed',
};
