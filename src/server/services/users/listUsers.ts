import type { ListedAccount } from '../../../contract/users/listedAccountSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { publicUser } from '../auth/publicUser.ts';

/**
 * Every account, oldest first, with the open transfers and leads each holds (counted in one query),
 * so the admin screen shows a disabled account still holding work and offers to hand it over.
 */
export async function listUsers(ctx: AppContext): Promise<ListedAccount[]> {
  const db = ctx.database.db;
  const held = await transferRepository.countOpenByAssignee(db);
  return (await userRepository.list(db)).map((row) => ({
    ...publicUser(row),
    disabled: row.disabledAt !== null,
    extension: row.extension,
    openItemsHeld: held.get(row.id) ?? { transfers: 0, leads: 0 },
  }));
}
