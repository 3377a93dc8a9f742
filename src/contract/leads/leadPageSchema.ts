import { z } from 'zod';
import { leadSchema } from './leadSchema.ts';

/** `GET /api/v1/leads`: one page of leads, callbacks due first. */
export const leadPageSchema = z.object({
  items: z.array(leadSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
