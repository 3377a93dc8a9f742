import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../appContext.ts';
import { kakaoConversationRepository } from '../../repositories/kakaoConversationRepository.ts';
import { announceCredentialsChanged } from '../auth/credentialCache.ts';
import { publicUrlOf } from '../transfers/publicUrlOf.ts';
import { hashKakaoSkillToken } from './checkKakaoSkillToken.ts';

/** A new skill token, shown once: the skill URL to paste into Open Builder. */
export type RotatedKakaoSkillToken = { token: string; skillUrl: string; rotatedAt: string };

/**
 * Issues a new skill token (replacing IEUM_KAKAO_SKILL_TOKEN and any earlier one at once) and
 * stores only its SHA-256. The clear token is returned this once, inside the skill URL.
 */
export async function rotateKakaoSkillToken(
  ctx: AppContext,
  actor: { id: string | null },
): Promise<RotatedKakaoSkillToken> {
  const token = randomBytes(24).toString('base64url');
  const at = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    await kakaoConversationRepository.rotateToken(tx, hashKakaoSkillToken(token), actor.id, at);
    // Every instance remembers the token in force (checkKakaoSkillToken): the old one stops now.
    await announceCredentialsChanged(ctx, tx);
  });
  return {
    token,
    skillUrl: `${publicUrlOf(ctx)}/api/v1/channels/kakao/${token}/skill`,
    rotatedAt: at.toISOString(),
  };
}
