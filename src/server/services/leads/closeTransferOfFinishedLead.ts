import type { CallbackOutcome } from '../../../domain/lead/leadStatuses.ts';
import { decideTransferTransition } from '../../../domain/transfer/decideTransferTransition.ts';
import type { Database } from '../../db/openDatabase.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { applyTransferStatusChange } from '../transfers/applyTransferStatusChange.ts';
import type { PresentContext } from '../transfers/presentTransfer.ts';

/**
 * Closes the transfer filed with a lead whose callback outcome just finished it (가입, 관심 없음,
 * 잘못된 번호), in the caller's transaction, as the same person: the team's work on it is done, and
 * an open transfer would go overdue in the queue and count against the SLA and the backlog. The move
 * goes through the workflow's own step (history entry saying which outcome closed it, live event,
 * webhooks), from whatever open state the transfer was in. A transfer someone already closed is left
 * as it is. A finished lead takes no more outcomes (decideCallbackOutcome), so there is nothing to
 * reopen; a closed transfer is final too, and a customer who comes back is a new lead.
 */
export async function closeTransferOfFinishedLead(
  tx: Database,
  context: PresentContext & { publicUrl: string },
  user: PublicUser,
  lead: { transferId: string; outcome: CallbackOutcome },
): Promise<void> {
  const row = await transferRepository.lockById(tx, context.fieldCodec, lead.transferId);
  if (!row) throw new Error(`transfer ${lead.transferId} of a lead vanished`);
  if (row.status === 'closed') return;
  const decision = decideTransferTransition({
    from: row.status,
    to: 'closed',
    now: context.now,
    cause: 'lead-outcome',
  });
  // The workflow lets a lead's outcome close any open transfer; anything else is a fault, and the
  // outcome rolls back with it rather than leaving the lead finished and its transfer open.
  if (!decision.ok) throw new Error(`a lead's outcome could not close its transfer: ${decision.message}`);
  await applyTransferStatusChange(tx, context, user, row, {
    status: decision.status,
    retryAt: decision.retryAt,
    byLeadOutcome: lead.outcome,
  });
}
