import type { CallbackOutcome } from '../../../domain/lead/leadStatuses.ts';
import type { TransferStatus } from '../../../domain/transfer/transferStatuses.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { transfers } from '../../db/transferSchema.ts';
import {
  type TransferRow,
  type TransferWithPeople,
  transferRepository,
} from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { announceTransferChange } from './announceTransferChange.ts';
import type { PresentContext } from './presentTransfer.ts';

/** A move the workflow allowed (decideTransferTransition), and what to keep with it. */
export type AllowedTransferStatusChange = {
  status: TransferStatus;
  retryAt: Date | null;
  /** What the handler typed with the change (masked when shown). */
  note?: string | undefined;
  /** The lead callback outcome that made the change (moveTransferWithLeadOutcome), if one did. */
  byLeadOutcome?: CallbackOutcome | undefined;
};

/**
 * Writes an allowed status change of a transfer the caller's transaction holds locked: the row
 * (contacted and closed times, the retry time), the history entry with who and when, taking an
 * unassigned transfer when work starts on it, and the announcements (live event, webhooks). Used by
 * a handler's click (changeTransferStatus) and by a lead's callback outcome (moveTransferWithLeadOutcome),
 * so both leave the same trail.
 */
export async function applyTransferStatusChange(
  tx: Database,
  context: PresentContext & { publicUrl: string },
  user: PublicUser,
  row: TransferRow,
  change: AllowedTransferStatusChange,
): Promise<TransferWithPeople> {
  const { now, fieldCodec } = context;
  const takes = change.status === 'in-progress' && row.assigneeId === null;
  const values: Partial<typeof transfers.$inferInsert> = {
    status: change.status,
    retryAt: change.retryAt,
    updatedAt: now,
    ...(change.status === 'contacted' && row.contactedAt === null ? { contactedAt: now } : {}),
    ...(change.status === 'closed' ? { closedAt: now } : {}),
    ...(takes ? { assigneeId: user.id } : {}),
  };
  await transferRepository.update(tx, row.id, values);
  const cause = change.byLeadOutcome === undefined ? {} : { byLeadOutcome: change.byLeadOutcome };
  const historyId = await transferRepository.appendEvent(tx, fieldCodec, {
    transferId: row.id,
    actorId: user.id,
    action: 'status-changed',
    detail: {
      fromStatus: row.status,
      toStatus: change.status,
      retryAt: change.retryAt?.toISOString() ?? null,
      ...(change.note ? { note: change.note } : {}),
      ...cause,
    },
    at: now,
  });
  if (takes) {
    await transferRepository.appendEvent(tx, fieldCodec, {
      transferId: row.id,
      actorId: user.id,
      action: 'assigned',
      detail: { fromAssigneeId: null, toAssigneeId: user.id, assignedBy: 'take' },
      at: now,
    });
  }
  const item = await transferRepository.findById(tx, fieldCodec, row.id);
  if (!item) throw new Error(`transfer ${row.id} vanished`);
  await announceTransferChange(tx, context, {
    type: 'transfer.updated',
    item,
    actor: user,
    historyId,
    change: {
      action: 'status-changed',
      fromStatus: row.status,
      toStatus: change.status,
      retryAt: change.retryAt?.toISOString() ?? null,
      ...(takes ? { fromAssigneeId: null, toAssigneeId: user.id } : {}),
      ...cause,
    },
    notify: [],
  });
  return item;
}
