import type { AppContext } from '../../appContext.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { type PublicUser, publicUser } from '../auth/publicUser.ts';

/** Every account, oldest first. */
export async function listUsers(ctx: AppContext): Promise<PublicUser[]> {
  return (await userRepository.list(ctx.database.db)).map(publicUser);
}
