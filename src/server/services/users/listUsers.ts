import type { AppContext } from '../../appContext.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { type PublicUser, publicUser } from '../auth/publicUser.ts';

/** An account as admins list it: whether it may still sign in, besides the public fields. */
export type AccountView = PublicUser & { disabled: boolean };

/** Every account, oldest first. */
export async function listUsers(ctx: AppContext): Promise<AccountView[]> {
  return (await userRepository.list(ctx.database.db)).map((row) => ({
    ...publicUser(row),
    disabled: row.disabledAt !== null,
  }));
}
