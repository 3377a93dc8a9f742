import { z } from 'zod';
import { kakaoLimits } from './kakaoLimits.ts';

const label = z.string().min(1).max(kakaoLimits.labelLength);
const extra = z.record(z.string(), z.unknown()).optional();

/** A quick reply: sends `messageText` as the user's utterance ("message") or runs a block ("block"). */
export const kakaoQuickReplySchema = z
  .object({
    label,
    action: z.enum(['message', 'block']),
    messageText: z.string().min(1).max(kakaoLimits.textLength).optional(),
    blockId: z.string().min(1).optional(),
    extra,
  })
  .refine((reply) => (reply.action === 'message' ? reply.messageText !== undefined : true), {
    message: 'a "message" quick reply needs messageText',
    path: ['messageText'],
  })
  .refine((reply) => (reply.action === 'block' ? reply.blockId !== undefined : true), {
    message: 'a "block" quick reply needs blockId',
    path: ['blockId'],
  });

/** A card button. `operator` hands the chat over to a human agent (상담직원 연결). */
const buttonSchema = z
  .object({
    label,
    action: z.enum(['webLink', 'message', 'phone', 'block', 'share', 'operator']),
    webLinkUrl: z.string().url().optional(),
    messageText: z.string().min(1).max(kakaoLimits.textLength).optional(),
    phoneNumber: z.string().min(1).optional(),
    blockId: z.string().min(1).optional(),
    extra,
  })
  .refine((button) => (button.action === 'webLink' ? button.webLinkUrl !== undefined : true), {
    message: 'a webLink button needs webLinkUrl',
    path: ['webLinkUrl'],
  })
  .refine((button) => (button.action === 'phone' ? button.phoneNumber !== undefined : true), {
    message: 'a phone button needs phoneNumber',
    path: ['phoneNumber'],
  });

const simpleTextSchema = z.object({
  simpleText: z.object({ text: z.string().min(1).max(kakaoLimits.textLength) }),
});

const basicCardSchema = z.object({
  basicCard: z.object({
    title: z.string().max(kakaoLimits.cardTitleLength).optional(),
    description: z.string().max(kakaoLimits.cardDescriptionLength).optional(),
    thumbnail: z.object({ imageUrl: z.string().url() }),
    buttons: z.array(buttonSchema).max(kakaoLimits.cardButtons).optional(),
  }),
});

const textCardSchema = z.object({
  textCard: z.object({
    title: z.string().max(kakaoLimits.cardTitleLength).optional(),
    description: z.string().max(kakaoLimits.textCardDescriptionLength).optional(),
    buttons: z.array(buttonSchema).max(kakaoLimits.cardButtons).optional(),
  }),
});

/** One speech bubble of the reply. */
export const kakaoOutputSchema = z.union([simpleTextSchema, basicCardSchema, textCardSchema]);

/**
 * A skill response, version 2.0, with Kakao's limits as refinements (at most 3 outputs, 10 quick
 * replies, 14-character labels, 1,000-character texts), so every answer the bot gives can be
 * validated before it leaves and in tests.
 */
export const kakaoSkillResponseSchema = z
  .object({
    version: z.literal('2.0'),
    template: z.object({
      outputs: z.array(kakaoOutputSchema).min(1).max(kakaoLimits.outputs),
      quickReplies: z.array(kakaoQuickReplySchema).max(kakaoLimits.quickReplies).optional(),
    }),
    context: z
      .object({
        values: z
          .array(
            z.object({
              name: z.string().min(1),
              lifeSpan: z.number().int().min(0),
              ttl: z.number().int().min(0).optional(),
              params: z.record(z.string(), z.string()).optional(),
            }),
          )
          .max(10),
      })
      .optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'KakaoSkillResponse' });

/** A skill response as sent. */
export type KakaoSkillResponse = z.output<typeof kakaoSkillResponseSchema>;
/** One quick reply. */
export type KakaoQuickReply = z.output<typeof kakaoQuickReplySchema>;
/** One output bubble. */
export type KakaoOutput = z.output<typeof kakaoOutputSchema>;
