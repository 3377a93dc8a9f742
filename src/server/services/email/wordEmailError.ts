import type { Locale } from '../../i18n/locale.ts';
import { wordStoredMessage } from '../../i18n/wordStoredMessage.ts';

/**
 * An outbox e-mail's last error for a reader in `locale`: the server's own reasons (stored as
 * catalogue keys, or as the Korean sentences earlier versions stored) worded, an SMTP server's
 * answer as it came.
 */
export function wordEmailError(stored: string | null, locale: Locale): string | null {
  return stored === null
    ? null
    : wordStoredMessage(stored, locale, ['emails.waitingForSmtp', 'emails.erasedBeforeSending']);
}
