import type { CreateCtiTokenInput } from '../../../contract/cti/createCtiTokenSchema.ts';
import type { CreatedCtiToken } from '../../../contract/cti/createdCtiTokenSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { ctiTokenRepository } from '../../repositories/ctiTokenRepository.ts';
import { secureToken } from '../auth/secureToken.ts';

/**
 * Creates the token of one PBX integration (admins, or the CLI). The clear token is returned once;
 * only its SHA-256 is kept, so a database leak hands out no working endpoint.
 */
export async function createCtiToken(
  ctx: AppContext,
  input: CreateCtiTokenInput,
  actor: { id: string | null; ip?: string | null },
): Promise<CreatedCtiToken> {
  // URL-safe: the token travels in the endpoint's path.
  const { token, hash } = secureToken('cti_');
  const row = await ctx.database.db.transaction(async (tx) => {
    const created = await ctiTokenRepository.insert(tx, {
      name: input.name,
      tokenHash: hash,
      createdBy: actor.id,
      createdAt: ctx.now(),
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: actor.id,
      action: 'cti-token.created',
      subject: `cti-token:${created.id}`,
      ip: actor.ip ?? null,
      detail: { name: input.name },
    });
    return created;
  });
  return { id: row.id, name: row.name, token };
}
