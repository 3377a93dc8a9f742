import { z } from 'zod';
import { callAnsweredEventSchema } from '../events/callAnsweredEventSchema.ts';

/**
 * Answer of `GET /api/v1/cti/calls/recently-answered`: the calls answered at your extension in the
 * last minute whose consultation is still open, newest first, as the `call.answered` event names
 * them. A console whose event stream connected after the answer (just signed in, reloaded) reads
 * it on connecting and pops them as if the event had reached it.
 */
export const recentlyAnsweredCallListSchema = z
  .object({ items: z.array(callAnsweredEventSchema) })
  .meta({ id: 'RecentlyAnsweredCallList' });

/** One call of that list. */
export type RecentlyAnsweredCall = z.output<typeof recentlyAnsweredCallListSchema>['items'][number];
