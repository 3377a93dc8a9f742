import type { UpdateUserInput } from '../../../contract/users/setUserDisabledSchema.ts';
import type { UpdatedAccount } from '../../../contract/users/updatedAccountSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { type PublicUser, publicUser } from '../auth/publicUser.ts';
import { refuseTakenExtension } from './refuseTakenExtension.ts';
import { setUserDisabled } from './setUserDisabled.ts';

/**
 * `PATCH /api/v1/users/{id}`: disables or enables an account (setUserDisabled, with what becomes of
 * its open transfers and leads) and/or sets its phone extension, where CTI screen pops go (null
 * clears it; another account's extension is refused).
 */
export async function updateUser(
  ctx: AppContext,
  id: string,
  input: UpdateUserInput,
  actor: PublicUser & { ip?: string | null },
): Promise<UpdatedAccount> {
  let account: UpdatedAccount | null = null;
  if (input.disabled !== undefined)
    account = await setUserDisabled(
      ctx,
      { id, disabled: input.disabled, ...(input.openItems ? { openItems: input.openItems } : {}) },
      actor,
    );
  const extension = input.extension;
  if (extension !== undefined) {
    const row = await ctx.database.db.transaction(async (tx) => {
      if (extension !== null) await refuseTakenExtension(tx, extension, id);
      const updated = await userRepository.setExtension(tx, id, extension);
      if (!updated) throw new AppError('not-found', msg('users.notFound', { id }));
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId: actor.id,
        action: 'user.extension-changed',
        subject: `user:${id}`,
        ip: actor.ip ?? null,
        detail: { extension },
      });
      return updated;
    });
    account = { ...account, ...publicUser(row), disabled: row.disabledAt !== null, extension: row.extension };
  }
  if (!account) throw new AppError('validation-failed', msg('users.disabledOrExtensionRequired'));
  return account;
}
