import { z } from 'zod';
import { requestInstantSchema } from '../common/requestDateSchemas.ts';
import { callbackOutcomeSchema } from './callbackOutcomeSchema.ts';
import { leadStatusSchema } from './leadStatusSchema.ts';

/** Body of `POST /api/v1/leads/{id}/callback-outcome`. */
export const recordCallbackOutcomeSchema = z.object({
  outcome: callbackOutcomeSchema,
  retryAt: requestInstantSchema('retryAt은 ISO-8601 시각이어야 합니다 (예: 2026-11-26T10:00:00+09:00)')
    .optional()
    .describe(
      'For no-answer: when to call again (moved to the next business-hours time); default: IEUM_CALLBACK_RETRY_MINUTES of business time from now',
    ),
  note: z.string().trim().max(500).default('').describe('What was said, kept in the history'),
  expectedStatus: leadStatusSchema
    .optional()
    .describe('Refuse (409) unless the lead is still in this status: guards against double clicks'),
  expectedAttempts: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe(
      'Refuse (409) unless the lead still has this many callback attempts (`callback.attempts` as the caller saw it): guards against two people recording the same call, such as 부재중, which leaves the status as it was. Omitted: not checked',
    ),
});

/** Parsed callback outcome. */
export type CallbackOutcomeInput = z.output<typeof recordCallbackOutcomeSchema>;
