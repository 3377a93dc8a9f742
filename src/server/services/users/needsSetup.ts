import type { AppContext } from '../../appContext.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/** True until the first account exists; the console then shows the first-admin setup screen. */
export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await userRepository.count(ctx.database.db)) === 0;
}
