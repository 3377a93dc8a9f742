import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../appContext.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';
import { announceCredentialsChanged } from '../auth/credentialCache.ts';
import { publicUrlOf } from '../transfers/publicUrlOf.ts';
import { hashKakaoSkillToken } from './checkKakaoSkillToken.ts';

/** A new skill token, shown once: the skill URL to paste into Open Builder. */
export type RotatedKakaoSkillToken = {
  token: string;
  skillUrl: string;
  rotatedAt: string;
  /** Until when the replaced token still works; null when it stopped now (or there was none). */
  previousValidUntil: string | null;
};

/**
 * Issues a new skill token (replacing IEUM_KAKAO_SKILL_TOKEN and any earlier one) and stores only
 * its SHA-256. The clear token is returned this once, inside the skill URL. The replaced token
 * keeps working for `previousValidMinutes` (default 0: it stops at once, as after a leak), so the
 * chatbot can stay up while the new URL is set in Open Builder and the bot deployed; an overlap
 * given by an earlier rotation ends no later than this one's.
 */
export async function rotateKakaoSkillToken(
  ctx: AppContext,
  actor: { id: string | null },
  options: { previousValidMinutes?: number | undefined } = {},
): Promise<RotatedKakaoSkillToken> {
  const token = randomBytes(24).toString('base64url');
  const at = ctx.now();
  const minutes = options.previousValidMinutes ?? 0;
  const validUntil = minutes > 0 ? new Date(at.getTime() + minutes * 60_000) : null;
  const envToken = ctx.env.IEUM_KAKAO_SKILL_TOKEN;
  const { replaced } = await ctx.database.db.transaction(async (tx) => {
    const rotated = await kakaoConversationRepository.rotateToken(
      tx,
      hashKakaoSkillToken(token),
      actor.id,
      at,
      {
        validUntil,
        envTokenHash: envToken ? hashKakaoSkillToken(envToken) : null,
      },
    );
    // Every instance remembers the tokens in force (checkKakaoSkillToken): they read them again.
    await announceCredentialsChanged(ctx, tx);
    return rotated;
  });
  return {
    token,
    skillUrl: `${publicUrlOf(ctx)}/api/v1/channels/kakao/${token}/skill`,
    rotatedAt: at.toISOString(),
    previousValidUntil: replaced && validUntil ? validUntil.toISOString() : null,
  };
}
