import { z } from 'zod';
import { dateRangeOrder } from '../common/dateRangeOrder.ts';
import { requestDateSchema } from '../common/requestDateSchemas.ts';

/**
 * Query of `GET /api/v1/consultations`: the caller's own (mine) or everyone's (roles that read
 * all), newest first, a page at a time — `cursor` is the previous page's `nextCursor`, so an
 * integration can walk back through every consultation (a CRM sync catching up after downtime).
 */
export const listConsultationsQuerySchema = z
  .object({
    scope: z.enum(['mine', 'all']).default('mine'),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    includeAbandoned: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true')
      .describe('Also list consultations abandoned for idleness (hidden by default)'),
    from: requestDateSchema('from은 YYYY-MM-DD 형식이어야 합니다')
      .optional()
      .describe('Started on or after this Seoul date'),
    to: requestDateSchema('to는 YYYY-MM-DD 형식이어야 합니다')
      .optional()
      .describe('Started on or before this Seoul date'),
    cursor: z
      .string()
      .max(200)
      .optional()
      .describe("The previous page's nextCursor: the page after it, with the same filters"),
  })
  .refine(dateRangeOrder.check, dateRangeOrder.issue);

/** Parsed list options. */
export type ListConsultationsQuery = z.output<typeof listConsultationsQuerySchema>;
