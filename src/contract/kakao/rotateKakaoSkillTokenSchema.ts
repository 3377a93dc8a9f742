import { z } from 'zod';

/** The longest overlap a rotation may give the replaced token: a day. */
export const MAX_PREVIOUS_TOKEN_MINUTES = 1440;

/**
 * Body of `POST /api/v1/channels/kakao/skill-token` (optional: without one the replaced token stops
 * at once, as before the overlap existed).
 */
export const rotateKakaoSkillTokenSchema = z
  .object({
    previousValidMinutes: z
      .number()
      .int()
      .min(0)
      .max(MAX_PREVIOUS_TOKEN_MINUTES)
      .optional()
      .describe(
        'Minutes the replaced token keeps working, while the new skill URL is set in Open Builder and the bot deployed (0, the default: it stops now — after a leak)',
      ),
  })
  .meta({ id: 'RotateKakaoSkillToken' });

/** What the rotation was asked for. */
export type RotateKakaoSkillTokenInput = z.output<typeof rotateKakaoSkillTokenSchema>;
