import { z } from 'zod';
import { guideVersionSchema } from './guideVersionSchema.ts';

/** `GET /api/v1/guides/{id}/versions`: newest first. */
export const guideVersionListSchema = z.object({ items: z.array(guideVersionSchema) });
