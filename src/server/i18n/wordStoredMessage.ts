import type { Locale } from './locale.ts';
import { isServerMessageKey } from './localisedText.ts';
import { type ServerMessageKey, serverMessages } from './serverMessages.ts';
import { translate } from './translate.ts';

/**
 * Words text a record stored for people to read later (a delivery's last error) in `locale`. A
 * catalogue key is what the server stores for its own reasons (data, not words); the Korean
 * sentence of one of `earlierKeys` is what versions before that stored, and is worded the same
 * way; anything else — a receiver's 'HTTP 500', a network error — is shown as it was stored.
 */
export function wordStoredMessage(
  stored: string,
  locale: Locale,
  earlierKeys: readonly ServerMessageKey[] = [],
): string {
  if (isServerMessageKey(stored)) return translate(locale, { key: stored, params: {} });
  const earlier = earlierKeys.find((key) => serverMessages[key].ko === stored);
  return earlier ? translate(locale, { key: earlier, params: {} }) : stored;
}
