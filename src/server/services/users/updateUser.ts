import type { Account } from '../../../contract/users/accountSchema.ts';
import type { UpdateUserInput } from '../../../contract/users/setUserDisabledSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { publicUser } from '../auth/publicUser.ts';
import { refuseTakenExtension } from './refuseTakenExtension.ts';
import { setUserDisabled } from './setUserDisabled.ts';

/**
 * `PATCH /api/v1/users/{id}`: disables or enables an account (setUserDisabled) and/or sets its phone
 * extension, where CTI screen pops go (null clears it; another account's extension is refused).
 */
export async function updateUser(
  ctx: AppContext,
  id: string,
  input: UpdateUserInput,
  actor: { id: string; ip?: string | null },
): Promise<Account> {
  let account: Account | null = null;
  if (input.disabled !== undefined)
    account = await setUserDisabled(ctx, { id, disabled: input.disabled }, actor);
  const extension = input.extension;
  if (extension !== undefined) {
    const row = await ctx.database.db.transaction(async (tx) => {
      if (extension !== null) await refuseTakenExtension(tx, extension, id);
      const updated = await userRepository.setExtension(tx, id, extension);
      if (!updated) throw new AppError('not-found', msg('users.notFound', { id }));
      await auditRepository.append(tx, ctx.fieldKeys, {
        actorId: actor.id,
        action: 'user.extension-changed',
        subject: `user:${id}`,
        ip: actor.ip ?? null,
        detail: { extension },
      });
      return updated;
    });
    account = { ...publicUser(row), disabled: row.disabledAt !== null, extension: row.extension };
  }
  if (!account) throw new AppError('validation-failed', msg('users.disabledOrExtensionRequired'));
  return account;
}
