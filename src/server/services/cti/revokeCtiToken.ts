import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { ctiTokenRepository } from '../../repositories/ctiTokenRepository.ts';

/**
 * Revokes a CTI token: the PBX's next event is refused with the same 401 as an unknown token. The
 * row stays (its calls point at it). Revoking twice answers as the first time.
 */
export async function revokeCtiToken(
  ctx: AppContext,
  id: string,
  actor: { id: string | null; ip?: string | null },
): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const revoked = await ctiTokenRepository.revoke(tx, id, ctx.now());
    if (!revoked) {
      if (await ctiTokenRepository.findById(tx, id)) return;
      throw new AppError('not-found', msg('cti.tokenNotFound', { id }));
    }
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: actor.id,
      action: 'cti-token.revoked',
      subject: `cti-token:${id}`,
      ip: actor.ip ?? null,
      detail: { name: revoked.name },
    });
  });
}
