import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { setupTokenRepository } from '../../repositories/setupTokenRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { hashToken } from '../auth/secureToken.ts';
import { type StartedSession, startSession } from '../auth/startSession.ts';
import { createUser, validateNewUser } from './createUser.ts';

/**
 * Creates the first admin from a one-time setup link and logs them in. Refused once any user
 * exists, so a leaked old link cannot mint a second admin.
 */
export async function completeSetup(
  ctx: AppContext,
  input: { token: string; email: string; name: string; password: string; ip: string | null },
): Promise<{ user: PublicUser; session: StartedSession }> {
  const db = ctx.database.db;
  if ((await userRepository.count(db)) > 0) {
    throw new AppError('setup-complete', '초기 설정이 이미 끝났습니다. 로그인하세요.');
  }
  // Validate before spending the one-time token, so a too-short password can simply be retried.
  validateNewUser({ ...input, role: 'admin' });
  if (!(await setupTokenRepository.consume(db, hashToken(input.token), ctx.now()))) {
    throw new AppError(
      'forbidden',
      '설정 링크가 유효하지 않거나 만료되었습니다. 서버를 다시 시작하면 새 링크가 출력됩니다.',
      [{ where: '/token', message: '유효하지 않은 토큰' }],
    );
  }
  const user = await createUser(ctx, { ...input, role: 'admin' }, { id: null, ip: input.ip });
  const session = await startSession(ctx, user.id, input.ip);
  return { user, session };
}
