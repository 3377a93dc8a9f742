import { z } from 'zod';

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
