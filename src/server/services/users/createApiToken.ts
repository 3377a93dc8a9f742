import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import { secureToken } from '../auth/secureToken.ts';

/** When a new token stops working: at an instant, after some days, or never (until revoked). */
export type TokenExpiry = { expiresAt?: string | Date | undefined; expiresInDays?: number | undefined };

/** The expiry instant asked for, checked to lie in the future; null for none. */
function expiryOf(input: TokenExpiry, now: Date): Date | null {
  if (input.expiresInDays !== undefined) return new Date(now.getTime() + input.expiresInDays * 86_400_000);
  if (input.expiresAt === undefined) return null;
  const at = new Date(input.expiresAt);
  if (Number.isNaN(at.getTime()) || at <= now)
    throw new AppError('validation-failed', msg('users.tokenExpiryPast'), [
      { where: '/expiresAt', message: msg('users.tokenExpiryPastDetail') },
    ]);
  return at;
}

/**
 * Creates an integration token acting as the given user, with that user's permissions, optionally
 * expiring. The clear token is returned once; only its hash is kept.
 */
export async function createApiToken(
  ctx: AppContext,
  input: { email: string; name?: string } & TokenExpiry,
  actor: { id: string | null; ip?: string | null },
): Promise<{ id: string; token: string; userId: string; expiresAt: Date | null }> {
  const db = ctx.database.db;
  const expiresAt = expiryOf(input, ctx.now());
  const user = await userRepository.findByEmail(db, input.email);
  if (!user)
    throw new AppError('not-found', msg('users.notFoundByEmail', { email: input.email }), [
      { where: '/email', message: msg('users.absent') },
    ]);
  if (user.disabledAt)
    throw new AppError('conflict', msg('users.tokenForDisabledUser', { email: input.email }), [
      { where: '/email', message: msg('users.disabledAccount') },
    ]);
  const { token, hash } = secureToken('ieum_');
  const row = await db.transaction(async (tx) => {
    const created = await apiTokenRepository.insert(tx, {
      userId: user.id,
      name: input.name ?? 'integration',
      tokenHash: hash,
      expiresAt,
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: actor.id,
      action: 'token.created',
      subject: `user:${user.id}`,
      ip: actor.ip ?? null,
      detail: { tokenId: created.id, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { id: row.id, token, userId: user.id, expiresAt: row.expiresAt };
}
