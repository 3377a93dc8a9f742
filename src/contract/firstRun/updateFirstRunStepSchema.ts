import { z } from 'zod';

/**
 * Body of `PATCH /api/v1/first-run/steps/{step}`: skip a step (or take the skip back), or mark the
 * steps an admin reviews by eye as reviewed (the company closures: there may rightly be none).
 */
export const updateFirstRunStepSchema = z
  .object({
    skipped: z.boolean().optional().describe('true: leave this step for later; false: take the skip back'),
    reviewed: z.literal(true).optional().describe("The closures were reviewed (only the 'closures' step)"),
  })
  .refine((body) => body.skipped !== undefined || body.reviewed !== undefined, {
    message: 'skipped 또는 reviewed 중 하나가 필요합니다',
    params: { messageKey: 'firstRun.stepChangeEmpty' },
  });

/** A parsed step change. */
export type UpdateFirstRunStepInput = z.output<typeof updateFirstRunStepSchema>;
