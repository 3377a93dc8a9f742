import { createHmac } from 'node:crypto';
import type { DerivedKeys } from './loadFieldKeys.ts';

/**
 * How an `Idempotency-Key` is stored: a keyed hash (HMAC-SHA256 under the blind-index key, hex), so
 * a client that puts a phone number or a name into its keys does not leave them in clear in the
 * database for the keys' 7 days, and without the key they cannot be found by trying every number.
 * Equal keys give equal digests, which is all a retry needs.
 */
export function idempotencyKeyDigest(keys: DerivedKeys, key: string): string {
  return createHmac('sha256', keys.indexKey).update(`idempotency-key\u0000${key}`).digest('hex');
}
