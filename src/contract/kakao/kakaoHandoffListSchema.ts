import { z } from 'zod';

/** `GET /api/v1/channels/kakao/handoffs`: KakaoTalk chats the bot handed to agents in the last day, newest first. */
export const kakaoHandoffListSchema = z
  .object({
    items: z.array(
      z.object({
        conversationId: z.uuid(),
        consultationId: z.uuid(),
        guideId: z.string(),
        inquiryType: z.number().int().nullable(),
        inquiryTypeLabel: z.string().nullable(),
        open: z
          .boolean()
          .describe('true: in business hours, to an agent now; false: out of hours, callback filed'),
        waiting: z.boolean().describe('Nobody picked it up yet and its consultation is still open'),
        claimedByName: z.string().nullable(),
        handedOffAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'KakaoHandoffList' });

/** The hand-off list. */
export type KakaoHandoffList = z.output<typeof kakaoHandoffListSchema>;
