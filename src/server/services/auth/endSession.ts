import type { AppContext } from '../../appContext.ts';
import { sessionRepository } from '../../repositories/sessionRepository.ts';
import { hashToken } from './secureToken.ts';

/** Logs a browser session out (server side: the cookie alone is then worthless). */
export async function endSession(ctx: AppContext, sessionToken: string): Promise<void> {
  await sessionRepository.delete(ctx.database.db, hashToken(sessionToken));
}
