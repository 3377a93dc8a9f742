import { z } from 'zod';

/** An inquiry type as the transfer settings name it: its number in a guide (the default guide when left out). */
export const transferTypeKeySchema = z.object({
  guideId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('The guide of the inquiry type; default: the default guide'),
  inquiryType: z.number().int().min(1),
});
