import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { verifyDecoyPassword, verifyPassword } from './passwordHashing.ts';
import { type PublicUser, publicUser } from './publicUser.ts';
import { type StartedSession, startSession } from './startSession.ts';

/**
 * Checks a password and opens a session. Repeated failures lock the account for
 * LOGIN_LOCK_MINUTES (안전성 확보조치 기준). Each attempt is counted before its password is
 * checked, so concurrent guesses get at most LOGIN_MAX_FAILURES checks per lock period. Unknown
 * e-mails, disabled accounts, wrong passwords and locked accounts all get the same answer after
 * the same work, so the login form does not reveal which e-mails are registered.
 */
export async function loginWithPassword(
  ctx: AppContext,
  input: { email: string; password: string; ip: string | null },
): Promise<{ user: PublicUser; session: StartedSession }> {
  const db = ctx.database.db;
  const now = ctx.now();
  const user = await userRepository.findByEmail(db, input.email.trim());
  const invalid = new AppError(
    'invalid-credentials',
    msg('auth.invalidCredentials', {
      maxFailures: ctx.env.LOGIN_MAX_FAILURES,
      lockMinutes: ctx.env.LOGIN_LOCK_MINUTES,
    }),
  );
  if (!user?.passwordHash || user.disabledAt) {
    await verifyDecoyPassword(input.password);
    throw invalid;
  }
  const lockUntil = new Date(now.getTime() + ctx.env.LOGIN_LOCK_MINUTES * 60_000);
  const reserved = await userRepository.reserveLoginAttempt(
    db,
    user.id,
    now,
    ctx.env.LOGIN_MAX_FAILURES,
    lockUntil,
  );
  if (!reserved) {
    await verifyDecoyPassword(input.password);
    await auditRepository.append(db, ctx.fieldKeys, {
      at: now,
      actorId: user.id,
      action: 'login.refused-locked',
      subject: `user:${user.id}`,
      ip: input.ip,
    });
    throw invalid;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const locked = reserved.lockedUntil !== null && reserved.lockedUntil > now;
    await auditRepository.append(db, ctx.fieldKeys, {
      at: now,
      actorId: user.id,
      action: locked ? 'login.locked' : 'login.failed',
      subject: `user:${user.id}`,
      ip: input.ip,
      detail: { failures: reserved.failedLogins },
    });
    throw invalid;
  }
  await userRepository.clearFailedLogins(db, user.id);
  const session = await startSession(ctx, user.id, input.ip);
  await auditRepository.append(db, ctx.fieldKeys, {
    at: now,
    actorId: user.id,
    action: 'login.succeeded',
    subject: `user:${user.id}`,
    ip: input.ip,
  });
  return { user: publicUser(user), session };
}
