import { z } from 'zod';
import { guideIdSchema } from '../common/guideIdSchema.ts';
import { requestInstantSchema } from '../common/requestDateSchemas.ts';

/** Query of `GET /api/v1/business-hours`: the instant to decide for (default now) and whose support line. */
export const businessHoursQuerySchema = z.object({
  at: requestInstantSchema('at must be an ISO-8601 instant, e.g. 2026-11-25T10:00:00+09:00').optional(),
  guideId: guideIdSchema
    .optional()
    .describe(
      'The guide whose support-line hours decide (its `supportLine.hours`); default: the default guide',
    ),
});
