import { z } from 'zod';
import { guideSummarySchema } from './guideSummarySchema.ts';

/** `GET /api/v1/guides`. */
export const guideListSchema = z.object({ items: z.array(guideSummarySchema) });
