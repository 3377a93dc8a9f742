import { z } from 'zod';
import { accountSchema } from './accountSchema.ts';

/** `GET /api/v1/users`: every account. */
export const accountListSchema = z.object({ items: z.array(accountSchema) });
