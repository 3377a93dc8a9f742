import { z } from 'zod';
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

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ where: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457) with a stable code' });

/**
 * The `Idempotency-Key` request header of a create: printable ASCII (it is compared byte for byte
 * and echoed in logs), one key per intended create, reused by retries.
 */
export function idempotencyKeyHeader(description: string) {
  return z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key는 공백 없는 ASCII 문자여야 합니다')
    .optional()
    .describe(description);
}

/** Standard error responses for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
};
