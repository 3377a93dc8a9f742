import type { MentionCandidateList } from '../../../contract/transfers/mentionCandidateListSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { findVisibleTransfer } from './getTransfer.ts';
import { handleOf, mentionableAccounts } from './mentionableAccounts.ts';

/**
 * Who a comment on this transfer can mention, for '@' completion: the same people the server
 * resolves a comment's mentions against (mentionableAccounts), by name.
 */
export async function listMentionCandidates(
  ctx: AppContext,
  user: PublicUser,
  id: string,
): Promise<MentionCandidateList> {
  const db = ctx.database.db;
  const found = await findVisibleTransfer(db, ctx.fieldCodec, user, id);
  const people = mentionableAccounts(await userRepository.list(db), found.transfer.filedBy);
  return {
    items: people
      .map((person) => ({
        id: person.id,
        name: person.name,
        handle: handleOf(person.email),
        role: person.role,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ko')),
  };
}
