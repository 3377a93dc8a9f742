import { createHmac } from 'node:crypto';
import type { FieldKeys } from './loadFieldKeys.ts';

/**
 * Keyed hash of a Kakao botUserKey, to find the user's conversation without decrypting every row.
 * Keyed like the blind indexes, and declared as one (sealedTables: kind 'kakao-user'), so a key
 * rotation recomputes it and a chat in progress is still found under the new key.
 */
export function kakaoUserIndex(keys: FieldKeys, userKey: string): string {
  return createHmac('sha256', keys.indexKey).update(`kakao-user\u0000${userKey}`).digest('hex');
}
