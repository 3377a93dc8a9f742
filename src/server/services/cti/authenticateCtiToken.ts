import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { type CtiTokenRow, ctiTokenRepository } from '../../repositories/ctiTokenRepository.ts';
import { hashToken } from '../auth/secureToken.ts';

// The same answer for an unknown and a revoked token: a caller learns nothing about which exist.
const refused = () =>
  new AppError('unauthenticated', msg('auth.ctiTokenInvalid'), [
    { where: 'path token', message: msg('auth.ctiTokenUnknown') },
  ]);

/**
 * The live CTI token a PBX sent in the endpoint's path, or a 401. Looked up by its SHA-256 (only the
 * hash is stored), and the stored hash compared with the computed one in constant time.
 */
export async function authenticateCtiToken(ctx: AppContext, token: string): Promise<CtiTokenRow> {
  const hash = hashToken(token);
  const row = await ctiTokenRepository.findActiveByHash(ctx.database.db, hash);
  const expected = Buffer.from(row?.tokenHash ?? '0'.repeat(hash.length), 'utf8');
  const given = Buffer.from(hash, 'utf8');
  if (!row || expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused();
  return row;
}
