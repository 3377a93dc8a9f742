import { z } from 'zod';

/**
 * `GET /api/v1/channels/kakao/conversations`: the chatbot's conversations (masked: the Kakao user
 * key shortened, no text) with their outcome, and the counts a supervisor follows.
 */
export const kakaoConversationListSchema = z
  .object({
    summary: z.object({
      since: z.string(),
      total: z.number().int(),
      botResolved: z
        .number()
        .int()
        .describe('Ended by the bot on the script (record saved, lead or transfer filed)'),
      handedOff: z.number().int().describe('Handed to an agent, or a callback filed out of hours'),
      expired: z.number().int().describe('Idle for a day'),
      active: z.number().int(),
    }),
    items: z.array(
      z.object({
        id: z.uuid(),
        user: z.string().describe('The Kakao user key, masked'),
        status: z.enum(['active', 'resolved', 'handed-off', 'expired']),
        outcome: z.string().nullable(),
        guideId: z.string(),
        inquiryType: z.number().int().nullable(),
        inquiryTypeLabel: z.string().nullable(),
        turns: z.number().int(),
        consultationId: z.uuid().nullable(),
        startedAt: z.string(),
        lastActivityAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'KakaoConversationList' });

/** The admin list of bot conversations. */
export type KakaoConversationList = z.output<typeof kakaoConversationListSchema>;
