import type { ApiToken } from '../../../contract/tokens/apiTokenSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { can } from '../../policies.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/**
 * API tokens with their state, newest first: an admin (or the operator at the CLI: `viewer` null)
 * sees every account's or one account's, anyone else only their own. Never the token itself —
 * only its hash is kept.
 */
export async function listApiTokens(
  ctx: AppContext,
  viewer: PublicUser | null,
  filter: { userId?: string | undefined; email?: string | undefined },
): Promise<ApiToken[]> {
  let wanted = filter.userId;
  if (filter.email !== undefined) {
    const owner = await userRepository.findByEmail(ctx.database.db, filter.email);
    if (!owner)
      throw new AppError('not-found', msg('users.notFoundByEmail', { email: filter.email }), [
        { where: '/email', message: msg('users.absent') },
      ]);
    wanted = owner.id;
  }
  const userId = viewer === null || can(viewer.role, 'token:manage-all') ? wanted : viewer.id;
  const now = ctx.now();
  const rows = await apiTokenRepository.listWithUsers(ctx.database.db, { userId });
  return rows.map(({ token, user }) => ({
    id: token.id,
    name: token.name,
    userId: user.id,
    userEmail: user.email,
    userName: user.name,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    status: token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt <= now ? 'expired' : 'active',
  }));
}
