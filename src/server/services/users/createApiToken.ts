import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { secureToken } from '../auth/secureToken.ts';

/**
 * Creates an integration token acting as the given user, with that user's permissions.
 * The clear token is returned once; only its hash is kept.
 */
export async function createApiToken(
  ctx: AppContext,
  input: { email: string; name?: string },
  actor: { id: string | null; ip?: string | null },
): Promise<{ id: string; token: string; userId: string }> {
  const db = ctx.database.db;
  const user = await userRepository.findByEmail(db, input.email);
  if (!user)
    throw new AppError('not-found', `사용자를 찾을 수 없습니다: ${input.email}`, [
      { where: '/email', message: '없음' },
    ]);
  const { token, hash } = secureToken('ieum_');
  const row = await db.transaction(async (tx) => {
    const created = await apiTokenRepository.insert(tx, {
      userId: user.id,
      name: input.name ?? 'integration',
      tokenHash: hash,
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      actorId: actor.id,
      action: 'token.created',
      subject: `user:${user.id}`,
      ip: actor.ip ?? null,
    });
    return created;
  });
  return { id: row.id, token, userId: user.id };
}
