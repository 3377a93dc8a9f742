import { z } from 'zod';
import { guideIdSchema } from '../common/guideIdSchema.ts';

/** Query of `GET /api/v1/transfers/preview`. */
export const previewTransferFilingQuerySchema = z.object({
  guideId: guideIdSchema.optional().describe('The guide of the type; default: the default guide'),
  inquiryType: z.coerce.number().int().min(1),
  guideVersion: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      "The guide's version the type is read from (a call's, which a restart may have replaced); default: the loaded one",
    ),
});

/** Parsed preview query. */
export type PreviewTransferFilingQuery = z.output<typeof previewTransferFilingQuerySchema>;
