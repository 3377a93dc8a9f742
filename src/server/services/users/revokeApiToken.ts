import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { can } from '../../policies.ts';
import { apiTokenRepository } from '../../repositories/apiTokenRepository.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { announceCredentialsChanged } from '../auth/credentialCache.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/**
 * Revokes an API token: it stops working at once on every instance (the credential caches drop
 * on the `credentials.changed` event). Owners revoke their own tokens, admins anyone's (the CLI
 * acts as the operator: `actor.user` null). Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(
  ctx: AppContext,
  input: { id: string },
  actor: { user: PublicUser | null; ip?: string | null },
): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const token = await apiTokenRepository.findById(tx, input.id);
    const mayRevoke =
      token &&
      (actor.user === null || token.userId === actor.user.id || can(actor.user.role, 'token:manage-all'));
    // Someone else's token answers like an unknown one: its existence is not theirs to learn.
    if (!token || !mayRevoke) throw new AppError('not-found', msg('users.tokenNotFound', { id: input.id }));
    if (token.revokedAt) return;
    await apiTokenRepository.revoke(tx, token.id, ctx.now());
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: actor.user?.id ?? null,
      action: 'token.revoked',
      subject: `user:${token.userId}`,
      ip: actor.ip ?? null,
      detail: { tokenId: token.id },
    });
    await announceCredentialsChanged(ctx, tx);
  });
}
