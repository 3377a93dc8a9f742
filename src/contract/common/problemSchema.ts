import { z } from 'zod';

/** The parameters of a message, by placeholder name: ids, numbers, field paths, lists as text. */
const messageParamsSchema = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .describe('The values filled into the message, by name (the same in every language)');

/** The stable key of a message in the server catalogue ('users.notFound'). */
const messageKeySchema = z
  .string()
  .describe(
    'Stable key of the message in the server catalogue: word it yourself, or show the message as sent',
  );

/** Where in the request a problem was found, and what was wrong there. */
export const problemDetailSchema = z.object({
  where: z
    .string()
    .describe(
      "Where, as the server has always written it ('body/record/phone', '/record/phone', 'querystring/from', 'header idempotency-key'); match on `in` and `pointer` for one grammar",
    ),
  in: z
    .enum(['body', 'query', 'path', 'header'])
    .optional()
    .describe('The part of the request the problem is in (absent when it is none: the method)'),
  pointer: z
    .string()
    .optional()
    .describe("A JSON Pointer (RFC 6901) into that part: '/record/phone', '/from', '' for the part itself"),
  message: z.string().describe("In the request's language (Accept-Language: Korean by default, English)"),
  messageKey: messageKeySchema.optional(),
  params: messageParamsSchema.optional(),
});

/** The application/problem+json body of every error answer (RFC 9457) with a stable `code`. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string().describe("In the request's language (Accept-Language: Korean by default, English)"),
    messageKey: messageKeySchema.optional(),
    params: messageParamsSchema.optional(),
    instance: z.string().optional(),
    errors: z.array(problemDetailSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457) with a stable code' });

/** An error answer as clients read it. */
export type Problem = z.output<typeof problemSchema>;
