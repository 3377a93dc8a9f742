import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';
import { credentialCacheOf } from '../auth/credentialCache.ts';

// The credential cache's key for the tokens in force (current: null while none was rotated, the
// environment's holds; overlapping: replaced ones still inside their rotation's overlap).
const TOKENS_KEY = 'kakao:skill-tokens';

type TokensInForce = {
  current: string | null;
  overlapping: Array<{ tokenHash: string; validUntil: number }>;
};

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
 * Lets a skill request in only with a token in force: the one an admin rotated last, else
 * IEUM_KAKAO_SKILL_TOKEN — or one it replaced, until the overlap the rotation gave it ends (the
 * bot keeps answering while the new skill URL is pasted into Open Builder and deployed). Compared
 * in constant time over SHA-256 digests (equal lengths whatever was sent). With no token at all,
 * or a wrong or expired one, the endpoint does not exist (404): a scanner learns nothing, and Open
 * Builder shows the misconfiguration as a failed skill. The tokens in force are remembered like
 * any credential (every chat turn checks them; a rotation makes every instance forget them, see
 * rotateKakaoSkillToken); an overlap's end is checked against the clock at each request.
 */
export async function checkKakaoSkillToken(ctx: AppContext, presented: string): Promise<void> {
  const cache = credentialCacheOf<TokensInForce>(ctx);
  const now = ctx.now();
  let tokens = cache.get(TOKENS_KEY)?.value;
  if (tokens === undefined) {
    const read = await kakaoConversationRepository.tokensInForce(ctx.database.db, now);
    tokens = {
      current: read.current,
      overlapping: read.overlapping.map((token) => ({
        tokenHash: token.tokenHash,
        validUntil: token.validUntil.getTime(),
      })),
    };
    cache.set(TOKENS_KEY, tokens);
  }
  const envToken = ctx.env.IEUM_KAKAO_SKILL_TOKEN;
  const expected = tokens.current ?? (envToken ? hashKakaoSkillToken(envToken) : undefined);
  const given = hashKakaoSkillToken(presented);
  // Every candidate is compared (no early exit), so the time taken does not tell which one matched.
  const accepted = [
    ...(expected === undefined ? [] : [expected]),
    ...tokens.overlapping.filter((token) => token.validUntil > now.getTime()).map((token) => token.tokenHash),
  ].reduce((matched, hash) => sameHash(given, hash) || matched, false);
  if (!accepted) throw new AppError('not-found', msg('kakao.addressNotFound'));
}
