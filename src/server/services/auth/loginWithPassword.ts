import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { verifyDecoyPassword, verifyPassword } from './passwordHashing.ts';
import { type PublicUser, publicUser } from './publicUser.ts';
import { type StartedSession, startSession } from './startSession.ts';

/**
 * Checks a password and opens a session. Repeated failures lock the account for
 * LOGIN_LOCK_MINUTES (안전성 확보조치 기준); unknown e-mails and wrong passwords get the same answer.
 */
export async function loginWithPassword(
  ctx: AppContext,
  input: { email: string; password: string; ip: string | null },
): Promise<{ user: PublicUser; session: StartedSession }> {
  const db = ctx.database.db;
  const now = ctx.now();
  const user = await userRepository.findByEmail(db, input.email.trim());
  const invalid = new AppError('invalid-credentials', '이메일 또는 비밀번호가 올바르지 않습니다.');
  if (!user?.passwordHash || user.disabledAt) {
    await verifyDecoyPassword(input.password);
    throw invalid;
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      'account-locked',
      `로그인 실패가 반복되어 계정이 잠겼습니다. ${formatSeoulIso(user.lockedUntil).slice(11, 16)} 이후에 다시 시도하거나 관리자에게 문의하세요.`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockUntil = new Date(now.getTime() + ctx.env.LOGIN_LOCK_MINUTES * 60_000);
    const updated = await userRepository.recordFailedLogin(
      db,
      user.id,
      ctx.env.LOGIN_MAX_FAILURES,
      lockUntil,
    );
    const locked = updated.lockedUntil !== null && updated.lockedUntil > now;
    await auditRepository.append(db, ctx.fieldKeys, {
      actorId: user.id,
      action: locked ? 'login.locked' : 'login.failed',
      subject: `user:${user.id}`,
      ip: input.ip,
      detail: { failures: updated.failedLogins },
    });
    throw invalid;
  }
  await userRepository.clearFailedLogins(db, user.id);
  const session = await startSession(ctx, user.id, input.ip);
  await auditRepository.append(db, ctx.fieldKeys, {
    actorId: user.id,
    action: 'login.succeeded',
    subject: `user:${user.id}`,
    ip: input.ip,
  });
  return { user: publicUser(user), session };
}
