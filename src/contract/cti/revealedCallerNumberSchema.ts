import { z } from 'zod';
import { callbackHolderSchema } from './callbackHolderSchema.ts';

/** Answer of `POST /api/v1/cti/missed-calls/{id}/reveal`: the number to call back, in clear (logged). */
export const revealedCallerNumberSchema = z.object({
  callerNumber: z.string().nullable(),
  callbackHeldBy: callbackHolderSchema
    .nullable()
    .describe(
      'Who holds the callback after this reveal: you (revealing an open callback nobody else holds takes it), or the colleague already calling back (theirs until the hold ends); null when the callback is no longer open',
    ),
});
