import { z } from 'zod';
import { closureSchema } from './closureSchema.ts';

/** `GET /api/v1/closures`. */
export const closureListSchema = z.object({ items: z.array(closureSchema) });
