import { z } from 'zod';

// Zammad's generic CTI sends `user` as a string or an array in JSON and as repeated `user[]` keys in
// a form; both spellings are taken and read as one list.
const userNamesSchema = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(50)])
  .optional()
  .describe("The agents' names involved (Zammad's user[]); a string or a list");

const numberSchema = z.string().max(100);

/**
 * Body of `POST /api/v1/cti/{token}`: one call event as Zammad's generic CTI sends it, as JSON or
 * `application/x-www-form-urlencoded` (`user[]` repeated). Unknown fields are ignored, as Zammad does.
 */
export const ctiEventSchema = z
  .object({
    event: z.enum(['newCall', 'answer', 'hangup']).describe('newCall, answer or hangup'),
    from: numberSchema.optional().describe('The calling number (e.g. 01012345678, anonymous)'),
    to: numberSchema.optional().describe('The called number'),
    direction: z.enum(['in', 'out']).describe('in: a customer calls; out: an agent calls'),
    callId: z
      .string()
      .trim()
      .min(1, 'callId가 비어 있습니다')
      .max(250)
      .describe('Unique per call session; later events name the same call by it'),
    user: userNamesSchema,
    'user[]': userNamesSchema,
    queue: z.string().max(200).optional().describe('The queue name (optional)'),
    answeringNumber: z
      .string()
      .max(254)
      .optional()
      .describe("Who answered: an agent's extension (내선번호), else their e-mail (answer, hangup)"),
    cause: z
      .string()
      .max(100)
      .optional()
      .describe('Hangup cause: normalClearing, busy, cancel, noAnswer, congestion, notFound, forwarded'),
  })
  .meta({ id: 'CtiEvent' });

/** A call event as the service reads it. */
export type CtiEvent = z.output<typeof ctiEventSchema>;
