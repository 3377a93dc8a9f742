import { z } from 'zod';

/** Answer of `POST /api/v1/channels/kakao/skill-token`: the new token, shown once, in the skill URL. */
export const kakaoSkillTokenSchema = z
  .object({
    token: z.string(),
    skillUrl: z.string(),
    rotatedAt: z.string(),
    previousValidUntil: z
      .string()
      .nullable()
      .describe(
        'Until when the replaced token (and its skill URL) still works, as `previousValidMinutes` asked; null: it stopped at rotatedAt, or there was none',
      ),
  })
  .meta({ id: 'KakaoSkillToken' });
