import { z } from 'zod';
import { missedCallSchema } from './missedCallSchema.ts';

/** Answer of `GET /api/v1/cti/missed-calls`: callbacks of missed calls, due first. */
export const missedCallListSchema = z.object({ items: z.array(missedCallSchema) });
