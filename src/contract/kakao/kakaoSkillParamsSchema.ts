import { z } from 'zod';

/** Path of the skill endpoint: the secret token Open Builder's skill URL carries. */
export const kakaoSkillParamsSchema = z.object({
  token: z.string().min(1).max(200).describe('The skill token (IEUM_KAKAO_SKILL_TOKEN or the rotated one)'),
});
