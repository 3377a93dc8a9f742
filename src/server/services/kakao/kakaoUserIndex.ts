import { createHmac } from 'node:crypto';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';

/**
 * Keyed hash of a Kakao botUserKey, to find the user's conversation without decrypting every row.
 * Keyed like the blind indexes; after a key rotation an old conversation is no longer found and the
 * user simply starts a new one (conversations expire within a day anyway).
 */
export function kakaoUserIndex(keys: FieldKeys, userKey: string): string {
  return createHmac('sha256', keys.indexKey).update(`kakao-user\u0000${userKey}`).digest('hex');
}

/** Keyed hash of what a request said, to recognise Kakao's retry of the same request. */
export function kakaoRequestHash(
  keys: FieldKeys,
  userKey: string,
  utterance: string,
  extra: unknown,
): string {
  return createHmac('sha256', keys.indexKey)
    .update(`kakao-request\u0000${userKey}\u0000${utterance}\u0000${JSON.stringify(extra ?? null)}`)
    .digest('hex');
}
