import type { Account } from '../../../contract/users/accountSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { sessionRepository } from '../../repositories/sessionRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { announceCredentialsChanged } from '../auth/credentialCache.ts';
import { publicUser } from '../auth/publicUser.ts';

/**
 * Stops (or restores) an account's access. Accounts are disabled, never deleted, because consultations,
 * transfers and the access log keep pointing at the person (one account per person). Disabling
 * ends the account's sessions and revokes its API tokens, and every instance forgets cached
 * credentials when it changes, so access ends at once; enabling restores the password login only. An admin cannot
 * disable their own account, which would leave nobody to undo it.
 */
export async function setUserDisabled(
  ctx: AppContext,
  input: { id: string; disabled: boolean },
  actor: { id: string; ip?: string | null },
): Promise<Account> {
  if (input.disabled && input.id === actor.id) {
    throw new AppError('validation-failed', msg('users.cannotDisableSelf'), [
      { where: '/disabled', message: msg('users.cannotDisableSelfDetail') },
    ]);
  }
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await userRepository.findById(tx, input.id);
    if (!current) throw new AppError('not-found', msg('users.notFound', { id: input.id }));
    // Disabling twice keeps the first instant: that is when access really ended.
    if ((current.disabledAt !== null) === input.disabled) return current;
    const updated = await userRepository.setDisabledAt(tx, input.id, input.disabled ? ctx.now() : null);
    if (!updated) throw new AppError('not-found', msg('users.notFound', { id: input.id }));
    // Disabling ends every session and revokes every token for good: enabling the account again
    // later must not bring back a credential that may have leaked meanwhile.
    const revokedTokens = input.disabled
      ? await apiTokenRepository.revokeAllOfUser(tx, input.id, ctx.now())
      : 0;
    if (input.disabled) await sessionRepository.deleteForUser(tx, input.id);
    await auditRepository.append(tx, ctx.fieldKeys, {
      actorId: actor.id,
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      subject: `user:${input.id}`,
      ip: actor.ip ?? null,
      detail: input.disabled ? { role: updated.role, revokedTokens } : { role: updated.role },
    });
    await announceCredentialsChanged(ctx, tx);
    return updated;
  });
  return { ...publicUser(row), disabled: row.disabledAt !== null, extension: row.extension };
}
