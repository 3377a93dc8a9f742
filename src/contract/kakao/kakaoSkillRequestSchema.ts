import { z } from 'zod';

const idAndName = z.object({ id: z.string().max(200), name: z.string().max(200) });

/** Free-form values Open Builder passes along (block parameters, button extras); kept small. */
const looseRecord = z.record(z.string().max(200), z.unknown());

/**
 * A skill request as Kakao i Open Builder (챗봇 관리자센터) posts it: the block that matched
 * (`intent`, `userRequest.block`), what the user said (`userRequest.utterance`), who said it
 * (`userRequest.user.id`, a botUserKey, with `properties` such as `plusfriendUserKey`), the callback
 * URL when the block allows callbacks, the contexts alive for the user, and the action with its
 * parameters and the `clientExtra` of the button or quick reply that was pressed. Fields Open
 * Builder adds later pass through unchecked (zod strips them), so a new field never breaks the bot.
 */
export const kakaoSkillRequestSchema = z
  .object({
    intent: idAndName.extend({ extra: looseRecord.nullable().optional() }).optional(),
    userRequest: z.object({
      timezone: z.string().max(64).optional(),
      params: looseRecord.optional(),
      block: idAndName.optional(),
      // Long enough for anything a customer types: the bot answers text too long for a step itself
      // (문의 내용 ≤ 4000), in a bubble; a 400 here is no skill response and Kakao shows its own
      // error instead (QA-11 M4). The request's size stays bounded by the body limit.
      utterance: z.string().max(100_000).describe('What the user typed or the label of what they pressed'),
      lang: z.string().max(16).nullable().optional(),
      user: z.object({
        id: z.string().min(1).max(200).describe('The botUserKey: stable per user and bot'),
        type: z.string().max(50),
        properties: looseRecord.default({}),
      }),
      callbackUrl: z.string().url().max(2000).optional(),
    }),
    contexts: z
      .array(
        z.object({
          name: z.string().max(200),
          lifespan: z.number().int().optional(),
          ttl: z.number().int().optional(),
          params: looseRecord.optional(),
        }),
      )
      .max(50)
      .default([]),
    bot: idAndName.optional(),
    action: z.object({
      id: z.string().max(200).optional(),
      name: z.string().max(200).optional(),
      params: looseRecord.default({}),
      detailParams: looseRecord.optional(),
      clientExtra: looseRecord.nullable().optional(),
    }),
  })
  .meta({ id: 'KakaoSkillRequest' });

/** A parsed skill request. */
export type KakaoSkillRequest = z.output<typeof kakaoSkillRequestSchema>;
