import { z } from 'zod';
import { requestDateSchema } from '../common/requestDateSchemas.ts';

/** Query of `GET /api/v1/leads/funnel`: the Seoul dates leads were filed between. */
export const leadFunnelQuerySchema = z
  .object({
    from: requestDateSchema('from은 YYYY-MM-DD 형식이어야 합니다')
      .optional()
      .describe('Default: 12 weeks ago'),
    to: requestDateSchema('to는 YYYY-MM-DD 형식이어야 합니다').optional().describe('Default: today (Seoul)'),
  })
  // Dates in YYYY-MM-DD compare as text; a reversed range is a typo, not an empty funnel.
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'from은 to보다 늦을 수 없습니다',
    params: { messageKey: 'validation.fromAfterTo' },
    path: ['from'],
  });

/** Parsed funnel range. */
export type LeadFunnelQuery = z.output<typeof leadFunnelQuerySchema>;
