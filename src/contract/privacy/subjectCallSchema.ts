import { z } from 'zod';

/**
 * A phone call reported by the PBX (CTI) holding the subject's number, as data-subject answers
 * show it: the numbers masked in a search, in clear in an export. A missed call carries its
 * callback (부재중 전화); an answered one the consultation it opened.
 */
export const subjectCallSchema = z
  .object({
    id: z.uuid(),
    direction: z.enum(['in', 'out']).describe('in: the customer called; out: the team called them'),
    state: z
      .enum(['ringing', 'answered', 'missed', 'ended'])
      .describe('missed: hung up before anyone answered'),
    missed: z.boolean().describe('An inbound call hung up before anyone answered: a 부재중 전화'),
    customerNumber: z
      .string()
      .nullable()
      .describe("The subject's number as the call holds it (masked in a search); null once erased"),
    fromNumber: z.string().nullable().describe('The number the PBX reported as calling (masked in a search)'),
    toNumber: z.string().nullable().describe('The number the PBX reported as called (masked in a search)'),
    queue: z.string().nullable(),
    cause: z.string().nullable().describe('Hangup cause as the PBX sent it'),
    startedAt: z.string(),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    consultationId: z.uuid().nullable().describe('The consultation an answered call opened'),
    callbackStatus: z
      .enum(['open', 'done', 'erased'])
      .nullable()
      .describe("A missed call's callback in the business queue; null for a call with none"),
    callbackDueAt: z.string().nullable(),
    callbackDoneAt: z.string().nullable(),
    retentionEndsAt: z
      .string()
      .describe('When its numbers are erased (IEUM_RETENTION_DEFAULT_YEARS after the call)'),
    personalDataErasedAt: z.string().nullable(),
  })
  .meta({ id: 'SubjectCall' });

/** A call in a data-subject answer. */
export type SubjectCall = z.output<typeof subjectCallSchema>;
