import { z } from 'zod';

/** Query of `PUT /api/v1/admin/brochure` (the body is the PDF itself). */
export const replaceBrochureQuerySchema = z.object({
  fileName: z.string().max(200).optional().describe('Stored name, ending in .pdf'),
});
