import { z } from 'zod';
import { requestInstantSchema } from '../common/requestDateSchemas.ts';
import { transferStatusSchema } from './transferStatusSchema.ts';

/** Body of `POST /api/v1/transfers/{id}/status`. */
export const changeTransferStatusSchema = z.object({
  status: transferStatusSchema,
  retryAt: requestInstantSchema('retryAt은 ISO-8601 시각이어야 합니다 (예: 2026-11-26T10:00:00+09:00)')
    .optional()
    .describe(
      'When moving to unreachable (연락불가): when to call again, moved to the next business-hours time; default: IEUM_CALLBACK_RETRY_MINUTES of business time from now',
    ),
  note: z.string().trim().max(500).optional().describe('Why, kept in the history'),
  expectedStatus: transferStatusSchema
    .optional()
    .describe('Refuse (409) unless the transfer is still in this status — guards against double clicks'),
});

/** Parsed status change. */
export type ChangeTransferStatusInput = z.output<typeof changeTransferStatusSchema>;
