import { z } from 'zod';

/** Answer of `POST /api/v1/channels/kakao/skill-token`: the new token, shown once, in the skill URL. */
export const kakaoSkillTokenSchema = z
  .object({ token: z.string(), skillUrl: z.string(), rotatedAt: z.string() })
  .meta({ id: 'KakaoSkillToken' });
