import { z } from 'zod';
import { guideIdSchema } from '../common/guideIdSchema.ts';

/** An inquiry type as the transfer settings name it: its number in a guide (the default guide when left out). */
export const transferTypeKeySchema = z.object({
  guideId: guideIdSchema.optional().describe('The guide of the inquiry type; default: the default guide'),
  inquiryType: z.number().int().min(1),
});
