import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { type CtiTokenRow, ctiTokenRepository } from '../../repositories/ctiTokenRepository.ts';
import { hashToken } from '../auth/secureToken.ts';

// The same answer for an unknown and a revoked token: a caller learns nothing about which exist.
const refused = () =>
  new AppError('unauthenticated', 'CTI 토큰이 올바르지 않습니다. 관리자에게 문의하세요.', [
    { where: 'path token', message: '알 수 없거나 폐기된 토큰' },
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
