import { createHash } from 'node:crypto';
import { canonicalJson } from '../../crypto/canonicalJson.ts';

/**
 * The hash an Idempotency-Key is stored with: of the parsed request's canonical JSON, so key order
 * and whitespace do not make a retry look like another request.
 */
export function hashIdempotentRequest(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
