import { z } from 'zod';
import { callbackHolderSchema } from './callbackHolderSchema.ts';
import { callerIdentitySchema } from './callerIdentitySchema.ts';

/** A missed inbound call and its callback task in the business queue (number masked). */
export const missedCallSchema = z
  .object({
    id: z.uuid(),
    callerNumber: z.string().nullable().describe('Masked, or null for an anonymous caller'),
    caller: callerIdentitySchema
      .nullable()
      .describe(
        'Who the number is by the business directory, as the screen pop says it (masked, in the request language); null when the number is gone',
      ),
    queue: z.string().nullable(),
    cause: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    callbackStatus: z
      .enum(['open', 'done', 'erased'])
      .describe(
        'open: to call back; done: called back; erased: its number was erased (retention end or a data-subject request) before anyone called back, so the callback closed with it',
      ),
    callbackDueAt: z.string().describe('In business hours: the next opening when the call came while closed'),
    callbackDoneAt: z.string().nullable(),
    callbackDoneByName: z.string().nullable(),
    callbackHeldBy: callbackHolderSchema
      .nullable()
      .describe(
        'An open callback someone is calling back now: who revealed the number to call, while the hold lasts (IEUM_CALLBACK_HOLD_MINUTES); null otherwise',
      ),
  })
  .meta({ id: 'MissedCall' });

/** A missed call as clients read it. */
export type MissedCall = z.output<typeof missedCallSchema>;
