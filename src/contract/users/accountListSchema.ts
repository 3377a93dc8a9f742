import { z } from 'zod';
import { listedAccountSchema } from './listedAccountSchema.ts';

/** `GET /api/v1/users`: every account, with the open work each holds. */
export const accountListSchema = z.object({ items: z.array(listedAccountSchema) });
