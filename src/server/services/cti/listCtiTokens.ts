import type { CtiToken } from '../../../contract/cti/ctiTokenSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { ctiTokenRepository } from '../../repositories/ctiTokenRepository.ts';

/** Every CTI token, newest first, with its last use (never the token). */
export async function listCtiTokens(ctx: AppContext): Promise<CtiToken[]> {
  return (await ctiTokenRepository.list(ctx.database.db)).map((row) => ({
    id: row.id,
    name: row.name,
    status: row.revokedAt ? 'revoked' : 'active',
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}
