import type { OpenItemsChoice } from '../../../contract/users/openItemsChoiceSchema.ts';
import { defaultTransferSlaRule } from '../../../domain/transfer/computeTransferDueAt.ts';
import { pickNextAssignee, type RotationMember } from '../../../domain/transfer/pickNextAssignee.ts';
import type { Database } from '../../db/openDatabase.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import {
  type TransferTypeKey,
  transferSettingsRepository,
} from '../../repositories/transferSettingsRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { announceTransferChange } from './announceTransferChange.ts';
import type { PresentContext } from './presentTransfer.ts';
import { slaColumnsOf } from './slaRuleOf.ts';

/** What a hand-over moved: by kind, and by where each item went. */
export type OpenItemsMoved = { transfers: number; leads: number; reassigned: number; unassigned: number };

/** One inquiry type's rotation while items are handed to it: its members and the moving cursor. */
type RotationInHand = {
  key: TransferTypeKey;
  members: RotationMember[];
  cursor: string | null;
  /** The cursor as it was stored when the type was locked: written back only when it moved. */
  storedCursor: string | null;
};

/**
 * Takes every open (not closed) transfer and lead off a person — whose account is being disabled —
 * inside the caller's transaction: `rotation` gives each to the next member on duty of its
 * inquiry type's rotation, as filing would (the type's settings row locked, its cursor moved), or
 * leaves it unassigned when nobody else is on duty; `unassigned` puts each back in the queue with
 * no assignee. Each move is a history entry ("assigned", reason `assignee-disabled`), a live event,
 * webhook deliveries and the new assignee's e-mail, as a manual reassignment is.
 */
export async function handOverOpenItems(
  tx: Database,
  context: PresentContext & { publicUrl: string },
  input: { fromUserId: string; choice: OpenItemsChoice; actor: PublicUser },
): Promise<OpenItemsMoved> {
  const { fromUserId, choice, actor } = input;
  const moved: OpenItemsMoved = { transfers: 0, leads: 0, reassigned: 0, unassigned: 0 };
  // By type, so each type's settings row is locked once and in one order (as filing locks it).
  const held = await transferRepository.lockOpenOfAssignee(tx, fromUserId);
  let rotation: RotationInHand | null = null;
  const saveCursor = async (done: RotationInHand | null) => {
    if (done && done.cursor !== null && done.cursor !== done.storedCursor)
      await transferSettingsRepository.setLastAssignee(tx, done.key, done.cursor);
  };
  for (const item of held) {
    let toId: string | null = null;
    if (choice === 'rotation') {
      if (
        !rotation ||
        rotation.key.guideId !== item.guideId ||
        rotation.key.inquiryType !== item.inquiryType
      ) {
        await saveCursor(rotation);
        const key = { guideId: item.guideId, inquiryType: item.inquiryType };
        const locked = await transferSettingsRepository.lockTypeSettings(
          tx,
          key,
          slaColumnsOf(defaultTransferSlaRule),
        );
        rotation = {
          key,
          // The person leaving is not a candidate, whether or not the caller has disabled them yet.
          members: locked.assignees.filter((member) => !member.disabled && member.userId !== fromUserId),
          cursor: locked.settings.lastAssigneeId,
          storedCursor: locked.settings.lastAssigneeId,
        };
      }
      toId = pickNextAssignee(rotation.members, rotation.cursor);
      if (toId !== null) rotation.cursor = toId;
    }
    await transferRepository.update(tx, item.id, { assigneeId: toId, updatedAt: context.now });
    const historyId = await transferRepository.appendEvent(tx, context.fieldCodec, {
      transferId: item.id,
      actorId: actor.id,
      action: 'assigned',
      detail: {
        fromAssigneeId: fromUserId,
        toAssigneeId: toId,
        assignedBy: toId === null ? 'manual' : 'rotation',
        reason: 'assignee-disabled',
      },
      at: context.now,
    });
    const changed = await transferRepository.findById(tx, context.fieldCodec, item.id);
    if (!changed) throw new Error(`transfer ${item.id} vanished`);
    await announceTransferChange(tx, context, {
      type: 'transfer.updated',
      item: changed,
      actor,
      historyId,
      change: { action: 'assigned', fromAssigneeId: fromUserId, toAssigneeId: toId },
      notify: toId === null ? [] : [{ userId: toId, reason: 'assigned' }],
    });
    if (item.kind === 'lead') moved.leads++;
    else moved.transfers++;
    if (toId === null) moved.unassigned++;
    else moved.reassigned++;
  }
  await saveCursor(rotation);
  return moved;
}
