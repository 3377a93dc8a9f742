/**
 * The transfer workflow's states, in the order a transfer usually moves through them:
 * 접수 (received) → 처리중 (in-progress) → 연락완료 (contacted) → 종결 (closed), with
 * 연락불가 (unreachable) for a callback that did not get through and has a retry time.
 */
export const transferStatuses = ['received', 'in-progress', 'contacted', 'unreachable', 'closed'] as const;

/** One state of the transfer workflow. */
export type TransferStatus = (typeof transferStatuses)[number];

/** The Korean label the business team knows each state by. */
export const transferStatusLabels: Readonly<Record<TransferStatus, string>> = {
  received: '접수',
  'in-progress': '처리중',
  contacted: '연락완료',
  unreachable: '연락불가',
  closed: '종결',
};

/** Whether a value is a transfer status (for data read from storage or the wire). */
export function isTransferStatus(value: string): value is TransferStatus {
  return (transferStatuses as readonly string[]).includes(value);
}
