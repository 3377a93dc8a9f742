import { z } from 'zod';

/** Query of `GET /api/v1/transfers/preview`. */
export const previewTransferFilingQuerySchema = z.object({
  inquiryType: z.coerce.number().int().min(1).max(99),
});

/** Parsed preview query. */
export type PreviewTransferFilingQuery = z.output<typeof previewTransferFilingQuerySchema>;
