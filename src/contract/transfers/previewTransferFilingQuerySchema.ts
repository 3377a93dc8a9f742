import { z } from 'zod';

/** Query of `GET /api/v1/transfers/preview`. */
export const previewTransferFilingQuerySchema = z.object({
  guideId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('The guide of the type; default: the default guide'),
  inquiryType: z.coerce.number().int().min(1),
});

/** Parsed preview query. */
export type PreviewTransferFilingQuery = z.output<typeof previewTransferFilingQuerySchema>;
