import type { OpenItemsChoice } from '../../../contract/users/openItemsChoiceSchema.ts';
import type { UpdatedAccount } from '../../../contract/users/updatedAccountSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { sessionRepository } from '../../repositories/sessionRepository.ts';
import { transferSettingsRepository } from '../../repositories/transferSettingsRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { announceCredentialsChanged } from '../auth/credentialCache.ts';
import { type PublicUser, publicUser } from '../auth/publicUser.ts';
import { announceRotationMoved } from '../transfers/announceRotationMoved.ts';
import { handOverOpenItems, type OpenItemsMoved } from '../transfers/handOverOpenItems.ts';
import { loadPresentContext } from '../transfers/loadPresentContext.ts';
import { lockRotationsOfPerson } from '../transfers/lockRotationsOfPerson.ts';
import { publicUrlOf } from '../transfers/publicUrlOf.ts';

/** Live event: an account was disabled or enabled again (its id only), for the live floor. */
export const USER_ACCESS_CHANGED_EVENT = 'user.access-changed';

/**
 * Stops (or restores) an account's access. Accounts are disabled, never deleted, because consultations,
 * transfers and the access log keep pointing at the person (one account per person). Disabling
 * ends the account's sessions and revokes its API tokens, and every instance forgets cached
 * credentials when it changes, so access ends at once; enabling restores the password login only. An admin cannot
 * disable their own account, which would leave nobody to undo it.
 *
 * With `openItems`, the open transfers and leads the account holds are handed over in the same
 * transaction (back in rotation, or unassigned: handOverOpenItems), so no disabled person is left
 * holding work; it also works on an account disabled earlier, which still holds what it held then.
 * Without it they stay with the account, and the queue flags them as held by a disabled person.
 */
export async function setUserDisabled(
  ctx: AppContext,
  input: { id: string; disabled: boolean; openItems?: OpenItemsChoice },
  actor: PublicUser & { ip?: string | null },
): Promise<UpdatedAccount> {
  if (input.disabled && input.id === actor.id) {
    throw new AppError('validation-failed', msg('users.cannotDisableSelf'), [
      { where: '/disabled', message: msg('users.cannotDisableSelfDetail') },
    ]);
  }
  const openItems = input.disabled ? input.openItems : undefined;
  // Read before the transaction: PGlite runs one transaction at a time, and the calendar and
  // webhook reads would otherwise wait on it.
  const context = openItems ? { ...(await loadPresentContext(ctx)), publicUrl: publicUrlOf(ctx) } : null;
  const { row, moved } = await ctx.database.db.transaction(async (tx) => {
    const current = await userRepository.findById(tx, input.id);
    if (!current) throw new AppError('not-found', msg('users.notFound', { id: input.id }));
    const handOver = async (): Promise<OpenItemsMoved | undefined> =>
      openItems && context
        ? handOverOpenItems(tx, context, { fromUserId: input.id, choice: openItems, actor })
        : undefined;
    // Disabling twice keeps the first instant: that is when access really ended.
    // Each item's history names who handed it over (the access log records the disable itself).
    if ((current.disabledAt !== null) === input.disabled) {
      const moved = await handOver();
      // An account disabled earlier handing its work over now: logged as the hand-over endpoint logs it.
      if (moved && openItems)
        await auditRepository.append(tx, ctx.fieldKeys, {
          at: ctx.now(),
          actorId: actor.id,
          action: 'user.open-items-handed-over',
          subject: `user:${input.id}`,
          ip: actor.ip ?? null,
          detail: { role: current.role, openItems, openItemsMoved: moved },
        });
      return { row: current, moved };
    }
    // Before the write: a transfer being filed for this person's rotation finishes first (and is
    // handed over below), or files after and skips them.
    const typesOfPerson = input.disabled
      ? await lockRotationsOfPerson(tx, input.id)
      : await transferSettingsRepository.typesOfPerson(tx, input.id);
    const updated = await userRepository.setDisabledAt(tx, input.id, input.disabled ? ctx.now() : null);
    if (!updated) throw new AppError('not-found', msg('users.notFound', { id: input.id }));
    // Disabling ends every session and revokes every token for good: enabling the account again
    // later must not bring back a credential that may have leaked meanwhile.
    const revokedTokens = input.disabled
      ? await apiTokenRepository.revokeAllOfUser(tx, input.id, ctx.now())
      : 0;
    if (input.disabled) await sessionRepository.deleteForUser(tx, input.id);
    const moved = await handOver();
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: actor.id,
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      subject: `user:${input.id}`,
      ip: actor.ip ?? null,
      detail: input.disabled
        ? { role: updated.role, revokedTokens, ...(moved ? { openItems, openItemsMoved: moved } : {}) }
        : { role: updated.role },
    });
    await announceCredentialsChanged(ctx, tx);
    // The live floor counts no disabled agent on a call: supervisors' floors read it again.
    await publishEvent(tx, {
      type: USER_ACCESS_CHANGED_EVENT,
      data: { userId: input.id, disabled: input.disabled },
    });
    // The rotations the person is in now skip them (or take them again): forms open on those
    // types preview the next assignee afresh — told the type only, not who left.
    await announceRotationMoved(tx, typesOfPerson);
    return { row: updated, moved };
  });
  return {
    ...publicUser(row),
    disabled: row.disabledAt !== null,
    extension: row.extension,
    ...(moved ? { openItemsMoved: moved } : {}),
  };
}
