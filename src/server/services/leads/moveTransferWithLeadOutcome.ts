import type { CallbackOutcome } from '../../../domain/lead/leadStatuses.ts';
import { transferStatusAfterLeadOutcome } from '../../../domain/lead/transferStatusAfterLeadOutcome.ts';
import { decideTransferTransition } from '../../../domain/transfer/decideTransferTransition.ts';
import type { Database } from '../../db/openDatabase.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { applyTransferStatusChange } from '../transfers/applyTransferStatusChange.ts';
import type { PresentContext } from '../transfers/presentTransfer.ts';

/**
 * Moves the transfer filed with a lead as the lead's callback outcome says
 * (transferStatusAfterLeadOutcome), in the caller's transaction, as the same person: the customer
 * reached marks it 연락완료 (the SLA was met then), a final outcome closes it — an open transfer
 * would go overdue in the queue and count against the SLA and the backlog for work already done.
 * The move goes through the workflow's own step (history entry saying which outcome made it, live
 * event, webhooks), from whatever open state the transfer was in. A transfer already there or
 * further on (연락완료 for a reached customer, or closed) is left as it is. A finished lead takes no
 * more outcomes (decideCallbackOutcome), so there is nothing to reopen; a closed transfer is final
 * too, and a customer who comes back is a new lead.
 */
export async function moveTransferWithLeadOutcome(
  tx: Database,
  context: PresentContext & { publicUrl: string },
  user: PublicUser,
  lead: { transferId: string; outcome: CallbackOutcome },
): Promise<void> {
  const target = transferStatusAfterLeadOutcome(lead.outcome);
  if (target === null) return;
  const row = await transferRepository.lockById(tx, context.fieldCodec, lead.transferId);
  if (!row) throw new Error(`transfer ${lead.transferId} of a lead vanished`);
  if (row.status === 'closed' || row.status === target) return;
  const decision = decideTransferTransition({
    from: row.status,
    to: target,
    now: context.now,
    cause: 'lead-outcome',
  });
  // The workflow lets a lead's outcome make these moves from any open state; anything else is a
  // fault, and the outcome rolls back with it rather than leaving the lead and its transfer apart.
  if (!decision.ok) throw new Error(`a lead's outcome could not move its transfer: ${decision.message}`);
  await applyTransferStatusChange(tx, context, user, row, {
    status: decision.status,
    retryAt: decision.retryAt,
    byLeadOutcome: lead.outcome,
  });
}
