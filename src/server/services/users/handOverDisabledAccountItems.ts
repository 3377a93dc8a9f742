import type { HandedOverOpenItems } from '../../../contract/users/handedOverOpenItemsSchema.ts';
import type { HandOverOpenItemsInput } from '../../../contract/users/handOverOpenItemsSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { handOverOpenItems } from '../transfers/handOverOpenItems.ts';
import { loadPresentContext } from '../transfers/loadPresentContext.ts';
import { publicUrlOf } from '../transfers/publicUrlOf.ts';

/**
 * `POST /api/v1/users/{id}/open-items/hand-over`: hands over the open transfers and leads a
 * disabled account still holds — disabled before disabling handed work over, or given work by hand
 * since — back in rotation or unassigned, as disabling with `openItems` does (handOverOpenItems),
 * in one transaction with its access-log entry. An active account is refused (409): its work is
 * handed over as it is disabled, and taking it off someone still working would go unnoticed.
 */
export async function handOverDisabledAccountItems(
  ctx: AppContext,
  id: string,
  input: HandOverOpenItemsInput,
  actor: PublicUser & { ip?: string | null },
): Promise<HandedOverOpenItems> {
  // Read before the transaction: PGlite runs one transaction at a time, and the calendar and
  // webhook reads would otherwise wait on it.
  const context = { ...(await loadPresentContext(ctx)), publicUrl: publicUrlOf(ctx) };
  const openItemsMoved = await ctx.database.db.transaction(async (tx) => {
    const account = await userRepository.findById(tx, id);
    if (!account) throw new AppError('not-found', msg('users.notFound', { id }));
    if (account.disabledAt === null) {
      throw new AppError('conflict', msg('users.handOverActive'), [
        { where: '/id', message: msg('users.handOverActiveDetail', { name: account.name }) },
      ]);
    }
    const moved = await handOverOpenItems(tx, context, { fromUserId: id, choice: input.openItems, actor });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: actor.id,
      action: 'user.open-items-handed-over',
      subject: `user:${id}`,
      ip: actor.ip ?? null,
      detail: { role: account.role, openItems: input.openItems, openItemsMoved: moved },
    });
    return moved;
  });
  return { openItemsMoved };
}
