import type { TransferStatus } from '../../../contract/transfers/transferStatusSchema.ts';

/** Badge colour per workflow state, the same on every transfer screen. */
export const statusColors: Record<TransferStatus, string> = {
  received: 'blue',
  'in-progress': 'yellow',
  contacted: 'teal',
  unreachable: 'orange',
  closed: 'gray',
};

/** Korean labels of the workflow states (as the server's statusLabel). */
export const statusLabels: Record<TransferStatus, string> = {
  received: '접수',
  'in-progress': '처리중',
  contacted: '연락완료',
  unreachable: '연락불가',
  closed: '종결',
};
