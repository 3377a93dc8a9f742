import type { CommentOnTransferInput } from '../../../contract/transfers/commentOnTransferSchema.ts';
import type { PostedTransferComment } from '../../../contract/transfers/postedTransferCommentSchema.ts';
import { resolveMentions } from '../../../domain/transfer/resolveMentions.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { announceTransferChange } from './announceTransferChange.ts';
import { findVisibleTransfer } from './getTransfer.ts';
import { knownNamesOfTransfer } from './knownNamesOfTransfer.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { handleOf, mentionableAccounts } from './mentionableAccounts.ts';
import { presentTransferComments } from './presentTransferHistory.ts';
import { publicUrlOf } from './publicUrlOf.ts';

/**
 * Adds a comment. '@' mentions resolve to the business team and the transfer's filer — the people
 * who can open it (mentionableAccounts) — and each person mentioned is notified live and by e-mail,
 * as the guide's "담당자 멘션" asked for on the Agit post. An '@word' naming nobody is kept as text
 * and listed in the answer (`unresolvedMentions`), so the writer knows nobody was told. The answer's
 * own words are in `locale` (Korean by default).
 */
export async function commentOnTransfer(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: CommentOnTransferInput,
  locale: Locale = 'ko',
): Promise<PostedTransferComment> {
  const context = await loadPresentContext(ctx);
  const now = context.now;
  return ctx.database.db.transaction(async (tx) => {
    const found = await findVisibleTransfer(tx, ctx.fieldCodec, user, id);
    const people = await userRepository.list(tx);
    const { mentionedIds, unresolved } = resolveMentions(
      input.body,
      mentionableAccounts(people, found.transfer.filedBy).map((person) => ({
        id: person.id,
        name: person.name,
        handle: handleOf(person.email),
      })),
    );
    const comment = await transferRepository.insertComment(tx, ctx.fieldCodec, {
      transferId: id,
      authorId: user.id,
      body: input.body,
      mentionedIds,
      createdAt: now,
    });
    const historyId = await transferRepository.appendEvent(tx, ctx.fieldCodec, {
      transferId: id,
      actorId: user.id,
      action: 'commented',
      detail: { commentId: comment.id },
      at: now,
    });
    await transferRepository.update(tx, id, { updatedAt: now });
    const item = await transferRepository.findById(tx, ctx.fieldCodec, id);
    if (!item) throw new Error(`transfer ${id} vanished`);
    await announceTransferChange(
      tx,
      { ...context, publicUrl: publicUrlOf(ctx) },
      {
        type: 'transfer.commented',
        item,
        actor: user,
        historyId,
        change: { action: 'commented', commentId: comment.id },
        comment: { id: comment.id, body: input.body, mentionedIds, unresolvedMentions: unresolved },
        notify: mentionedIds.map((userId) => ({ userId, reason: 'mentioned' as const })),
      },
    );
    const names = new Map(people.map((person) => [person.id, person.name]));
    const [view] = presentTransferComments(
      [{ ...comment, authorName: user.name }],
      names,
      knownNamesOfTransfer(item.transfer),
      locale,
    );
    if (!view) throw new Error('comment view missing');
    return { ...view, unresolvedMentions: unresolved };
  });
}
