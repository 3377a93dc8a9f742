import type { UserOpenItems } from '../../../contract/users/userOpenItemsSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/**
 * What disabling an account would leave behind, for the admin to decide before confirming: the
 * open transfers and leads it holds, the calls or chats it has open (an agent disabled mid-call
 * loses the record of the call on the line: it stays open, unsavable, until the abandonment job),
 * and whether it is the last active business-team account (after which new transfers reach only
 * admins in rotation, or nobody).
 */
export async function countUserOpenItems(ctx: AppContext, id: string): Promise<UserOpenItems> {
  const db = ctx.database.db;
  const user = await userRepository.findById(db, id);
  if (!user) throw new AppError('not-found', msg('users.notFound', { id }));
  const held = await transferRepository.countOpenOfAssignee(db, id);
  const consultationsInProgress = await consultationRepository.countOpenByAgent(db, id);
  const activeBusinessTeam = (await userRepository.list(db)).filter(
    (person) => person.role === 'backoffice' && person.disabledAt === null,
  );
  return {
    ...held,
    consultationsInProgress,
    lastActiveBusinessTeam: activeBusinessTeam.length === 1 && activeBusinessTeam[0]?.id === id,
  };
}
