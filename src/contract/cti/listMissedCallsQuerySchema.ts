import { z } from 'zod';

/** Query of `GET /api/v1/cti/missed-calls`. */
export const listMissedCallsQuerySchema = z.object({
  status: z
    .enum(['open', 'done', 'erased', 'all'])
    .default('open')
    .describe(
      'open (default): callbacks still to make; done: made; erased: closed when the number was erased; all',
    ),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
