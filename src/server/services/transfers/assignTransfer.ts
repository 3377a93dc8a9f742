import type { AssignTransferInput } from '../../../contract/transfers/assignTransferSchema.ts';
import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { announceTransferChange } from './announceTransferChange.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { presentTransfer } from './presentTransfer.ts';
import { publicUrlOf } from './publicUrlOf.ts';

/** Roles that can be assignees: the business team (and admins covering for it). */
const ASSIGNABLE_ROLES = new Set(['backoffice', 'admin']);

/**
 * (Re)assigns a transfer. The previous assignee stays in the history; the new one is notified
 * live and by e-mail (unless they took it themselves), and so is the previous one (unless they
 * handed it on themselves). Assigning the current assignee again
 * changes nothing and records nothing, so a repeated request is harmless. With
 * `expectedAssigneeId`, a transfer no longer held as the caller's screen showed it is refused (409
 * naming its holder) instead of taken over.
 */
export async function assignTransfer(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: AssignTransferInput,
  /** The caller's language, for the server's own words in the answer (status label). */
  locale?: Locale,
): Promise<Transfer> {
  const context = await loadPresentContext(ctx, locale);
  const now = context.now;
  const assigneeId = input.assigneeId === 'me' ? user.id : input.assigneeId;
  return ctx.database.db.transaction(async (tx) => {
    const row = await transferRepository.lockById(tx, ctx.fieldCodec, id);
    if (!row) throw new AppError('not-found', msg('transfers.notFound', { id }));
    if (row.status === 'closed') {
      throw new AppError('conflict', msg('transfers.closedCannotReassign'), [
        { where: '/assigneeId', message: msg('transfers.closedDetail') },
      ]);
    }
    // The screen the request came from showed another holder: a colleague took or handed it on
    // meanwhile. Already held as asked (two clicks of the same take) is no conflict.
    if (
      input.expectedAssigneeId !== undefined &&
      row.assigneeId !== input.expectedAssigneeId &&
      row.assigneeId !== assigneeId
    ) {
      const holder = row.assigneeId === null ? null : await userRepository.findById(tx, row.assigneeId);
      if (!holder) {
        throw new AppError('conflict', msg('transfers.unassignedMeanwhile'), [
          { where: '/expectedAssigneeId', message: msg('transfers.currentlyUnassigned') },
        ]);
      }
      throw new AppError('conflict', msg('transfers.assigneeChangedMeanwhile', { assignee: holder.name }), [
        {
          where: '/expectedAssigneeId',
          message: msg('transfers.currentAssignee', { assignee: holder.name }),
        },
      ]);
    }
    if (assigneeId !== null) {
      const assignee = await userRepository.findById(tx, assigneeId);
      if (!assignee || assignee.disabledAt !== null || !ASSIGNABLE_ROLES.has(assignee.role)) {
        throw new AppError('validation-failed', msg('transfers.assigneeNotBusinessTeam'), [
          { where: '/assigneeId', message: msg('transfers.assigneeNotBusinessTeamDetail') },
        ]);
      }
    }
    if (row.assigneeId !== assigneeId) {
      await transferRepository.update(tx, id, { assigneeId, updatedAt: now });
      const historyId = await transferRepository.appendEvent(tx, ctx.fieldCodec, {
        transferId: id,
        actorId: user.id,
        action: 'assigned',
        detail: {
          fromAssigneeId: row.assigneeId,
          toAssigneeId: assigneeId,
          assignedBy: assigneeId === user.id ? 'take' : 'manual',
        },
        at: now,
      });
      const changed = await transferRepository.findById(tx, ctx.fieldCodec, id);
      if (!changed) throw new Error(`transfer ${id} vanished`);
      await announceTransferChange(
        tx,
        { ...context, publicUrl: publicUrlOf(ctx) },
        {
          type: 'transfer.updated',
          item: changed,
          actor: user,
          historyId,
          change: { action: 'assigned', fromAssigneeId: row.assigneeId, toAssigneeId: assigneeId },
          // The new assignee, and the one it was taken or handed on from: their list just lost it.
          notify: [
            ...(assigneeId ? [{ userId: assigneeId, reason: 'assigned' as const }] : []),
            ...(row.assigneeId ? [{ userId: row.assigneeId, reason: 'reassigned' as const }] : []),
          ],
        },
      );
    }
    const item = await transferRepository.findById(tx, ctx.fieldCodec, id);
    if (!item) throw new Error(`transfer ${id} vanished`);
    return presentTransfer(item, context);
  });
}
