import type { TransferDetail } from '../../../contract/transfers/transferDetailSchema.ts';

/**
 * Whether the drawer says that this transfer's 종결 comes with its sign-up lead's outcome: a lead's
 * transfer at 연락완료 or 연락불가 (where the workflow closes a transfer) that the server offers no
 * 종결 for, because the lead is still open. The business team then records the outcome on the lead
 * (가입, 관심 없음, 잘못된 번호) rather than look for a button that is not there.
 */
export function closesWithLeadOutcome(
  transfer: Pick<TransferDetail, 'leadId' | 'status' | 'nextStatuses'>,
): boolean {
  return (
    transfer.leadId !== null &&
    (transfer.status === 'contacted' || transfer.status === 'unreachable') &&
    !transfer.nextStatuses.includes('closed')
  );
}
