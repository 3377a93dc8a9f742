import { z } from 'zod';
import { duplicateLeadSchema } from './duplicateLeadSchema.ts';

/** Answer of `POST /api/v1/leads/duplicates`: earlier leads for the same company and e-mail, newest first. */
export const duplicateLeadListSchema = z.object({ items: z.array(duplicateLeadSchema) });
