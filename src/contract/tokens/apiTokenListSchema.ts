import { z } from 'zod';
import { apiTokenSchema } from './apiTokenSchema.ts';

/** `GET /api/v1/tokens`: the caller's own tokens, or every account's for an admin; newest first. */
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
