import { z } from 'zod';
import { problemSchema } from '../../contract/common/problemSchema.ts';
import { roles } from '../db/schema.ts';

/** Shared response schemas, registered by id so the OpenAPI document references them. */
export const userSchema = z
  .object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(roles) })
  .meta({ id: 'User' });

export const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Echo in the x-csrf-token header of every write.'),
  })
  .meta({ id: 'Session' });

/** Standard error responses for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
};
