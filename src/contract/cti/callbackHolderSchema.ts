import { z } from 'zod';

/**
 * Who is calling a missed caller back: the team member who revealed the number to call, since
 * when. Held for IEUM_CALLBACK_HOLD_MINUTES; a colleague's reveal meanwhile leaves it theirs.
 */
export const callbackHolderSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    since: z.string().describe('When they revealed the number to call back (ISO 8601)'),
  })
  .meta({ id: 'CallbackHolder' });

/** A missed call's callback holder. */
export type CallbackHolder = z.output<typeof callbackHolderSchema>;
