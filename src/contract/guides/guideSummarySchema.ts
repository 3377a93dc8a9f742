import { z } from 'zod';

/** A loaded guide as the list names it. */
export const guideSummarySchema = z
  .object({ id: z.string(), title: z.string(), version: z.string() })
  .meta({ id: 'GuideSummary' });

/** A guide summary as clients read it. */
export type GuideSummary = z.output<typeof guideSummarySchema>;
