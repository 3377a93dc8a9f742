import { createHmac } from 'node:crypto';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';

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
