import { z } from 'zod';

/** A loaded guide as the list names it. */
export const guideSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    heading: z.string().describe('Short name shown beside inquiry types when several guides are loaded'),
    isDefault: z
      .boolean()
      .describe('The guide requests use when they name none (IEUM_DEFAULT_GUIDE, or the only guide)'),
  })
  .meta({ id: 'GuideSummary' });

/** A guide summary as clients read it. */
export type GuideSummary = z.output<typeof guideSummarySchema>;
