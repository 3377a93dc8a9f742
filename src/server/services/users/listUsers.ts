import type { Account } from '../../../contract/users/accountSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { publicUser } from '../auth/publicUser.ts';

/** Every account, oldest first. */
export async function listUsers(ctx: AppContext): Promise<Account[]> {
  return (await userRepository.list(ctx.database.db)).map((row) => ({
    ...publicUser(row),
    disabled: row.disabledAt !== null,
    extension: row.extension,
  }));
}
