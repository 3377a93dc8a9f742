import type { AppContext } from '../../appContext.ts';
import { sessionRepository } from '../../repositories/sessionRepository.ts';
import { announceCredentialsChanged } from './credentialCache.ts';
import { hashToken } from './secureToken.ts';

/** Logs a browser session out (server side: the cookie alone is then worthless, on every instance). */
export async function endSession(ctx: AppContext, sessionToken: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    await sessionRepository.delete(tx, hashToken(sessionToken));
    await announceCredentialsChanged(ctx, tx);
  });
}
