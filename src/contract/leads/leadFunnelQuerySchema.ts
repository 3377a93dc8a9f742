import { z } from 'zod';
import { dateRangeOrder } from '../common/dateRangeOrder.ts';
import { requestDateSchema } from '../common/requestDateSchemas.ts';

/** Query of `GET /api/v1/leads/funnel`: the Seoul dates leads were filed between. */
export const leadFunnelQuerySchema = z
  .object({
    from: requestDateSchema('from은 YYYY-MM-DD 형식이어야 합니다')
      .optional()
      .describe('Default: 12 weeks ago'),
    to: requestDateSchema('to는 YYYY-MM-DD 형식이어야 합니다').optional().describe('Default: today (Seoul)'),
  })
  .refine(dateRangeOrder.check, dateRangeOrder.issue);

/** Parsed funnel range. */
export type LeadFunnelQuery = z.output<typeof leadFunnelQuerySchema>;
