import { z } from 'zod';
import { transferSchema } from './transferSchema.ts';

/** `GET /api/v1/transfers`: one page of the queue, most urgent first. */
export const transferPageSchema = z.object({
  items: z.array(transferSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  asOf: z.string(),
});

/** A queue page as clients read it. */
export type TransferPage = z.output<typeof transferPageSchema>;
