import { z } from 'zod';

/** `GET /api/v1/setup`: whether the first admin still has to be created. */
export const setupStatusSchema = z.object({ needsSetup: z.boolean() });
