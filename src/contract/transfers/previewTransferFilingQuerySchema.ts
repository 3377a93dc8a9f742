import { z } from 'zod';
import { guideIdSchema } from '../common/guideIdSchema.ts';

/** Query of `GET /api/v1/transfers/preview`. */
export const previewTransferFilingQuerySchema = z.object({
  guideId: guideIdSchema.optional().describe('The guide of the type; default: the default guide'),
  inquiryType: z.coerce.number().int().min(1),
});

/** Parsed preview query. */
export type PreviewTransferFilingQuery = z.output<typeof previewTransferFilingQuerySchema>;
