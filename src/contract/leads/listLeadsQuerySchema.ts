import { z } from 'zod';
import { dateRangeOrder } from '../common/dateRangeOrder.ts';
import { leadFiltersSchema } from './leadFiltersSchema.ts';

/** Query of `GET /api/v1/leads`: a reversed from/to is a 400 at `from`, as on the other lists. */
export const listLeadsQuerySchema = leadFiltersSchema
  .extend({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine(dateRangeOrder.check, dateRangeOrder.issue);

/** Parsed lead filters. */
export type ListLeadsQuery = z.output<typeof listLeadsQuerySchema>;
