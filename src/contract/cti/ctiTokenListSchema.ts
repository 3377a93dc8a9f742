import { z } from 'zod';
import { ctiTokenSchema } from './ctiTokenSchema.ts';

/** Answer of `GET /api/v1/cti/tokens`, newest first. */
export const ctiTokenListSchema = z.object({ items: z.array(ctiTokenSchema) });
