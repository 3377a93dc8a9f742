import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';
import { credentialCacheOf } from '../auth/credentialCache.ts';

// The credential cache's key for the rotated token's hash (null: none rotated, the environment's holds).
const ROTATED_TOKEN_KEY = 'kakao:skill-token';

/** SHA-256 of a skill token, hex: what is stored and compared. */
export function hashKakaoSkillToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Lets a skill request in only with the token in force: the one an admin rotated last, else
 * IEUM_KAKAO_SKILL_TOKEN. Compared in constant time over SHA-256 digests (equal lengths whatever
 * was sent). With no token at all, or a wrong one, the endpoint does not exist (404): a scanner
 * learns nothing, and Open Builder shows the misconfiguration as a failed skill. The token in force
 * is remembered like any credential (every chat turn checks it; a rotation makes every instance
 * forget it, see rotateKakaoSkillToken).
 */
export async function checkKakaoSkillToken(ctx: AppContext, presented: string): Promise<void> {
  const cache = credentialCacheOf<string | null>(ctx);
  let rotated = cache.get(ROTATED_TOKEN_KEY)?.value;
  if (rotated === undefined) {
    rotated = (await kakaoConversationRepository.currentTokenHash(ctx.database.db)) ?? null;
    cache.set(ROTATED_TOKEN_KEY, rotated);
  }
  const envToken = ctx.env.IEUM_KAKAO_SKILL_TOKEN;
  const expected = rotated ?? (envToken ? hashKakaoSkillToken(envToken) : undefined);
  const given = hashKakaoSkillToken(presented);
  if (expected === undefined || !sameHash(given, expected)) {
    throw new AppError('not-found', msg('kakao.addressNotFound'));
  }
}
