import { sql } from 'drizzle-orm';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { setupTokenRepository } from '../../repositories/setupTokenRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { hashToken } from '../auth/secureToken.ts';
import { type StartedSession, startSession } from '../auth/startSession.ts';
import { createUser, validateNewUser } from './createUser.ts';

// Any constant shared by all instances; serialises first-admin creation across them.
const SETUP_LOCK_KEY = 0x69657375;

/**
 * Creates the first admin from a one-time setup link and logs them in. Refused once any user
 * exists, so a leaked old link cannot mint a second admin. The check, the link's use and the
 * account are one transaction under a lock, so concurrent attempts (with one link or several)
 * make exactly one first admin.
 */
export async function completeSetup(
  ctx: AppContext,
  input: { token: string; email: string; name: string; password: string; ip: string | null },
): Promise<{ user: PublicUser; session: StartedSession }> {
  const db = ctx.database.db;
  const alreadyDone = new AppError('setup-complete', msg('auth.setupComplete'));
  if ((await userRepository.count(db)) > 0) throw alreadyDone;
  // Validate before spending the one-time token, so a too-short password can simply be retried.
  await validateNewUser({ ...input, role: 'admin' });
  const user = await createUser(ctx, { ...input, role: 'admin' }, { id: null, ip: input.ip }, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    if ((await userRepository.count(tx)) > 0) throw alreadyDone;
    if (!(await setupTokenRepository.consume(tx, hashToken(input.token), ctx.now()))) {
      throw new AppError('forbidden', msg('auth.setupLinkInvalid'), [
        { where: '/token', message: msg('auth.setupTokenInvalid') },
      ]);
    }
  });
  const session = await startSession(ctx, user.id, input.ip);
  return { user, session };
}
