import { z } from 'zod';
import { firstRunStepIdSchema } from './firstRunStepIdSchema.ts';

/** Path parameters of `PATCH /api/v1/first-run/steps/{step}`. */
export const firstRunStepParamsSchema = z.object({ step: firstRunStepIdSchema });
