import { decryptField, isEncryptedField } from './decryptField.ts';
import { encryptField, FIELD_CIPHER_PREFIX } from './encryptField.ts';
import type { FieldKeys } from './loadFieldKeys.ts';

/** Why a sealed value could not be opened. */
export type UnreadableReason = 'wrong-key' | 'corrupted';

/** A stored value opened: its clear text, or why it cannot be read (never a throw, never garbage). */
export type OpenedText = { readable: true; value: string } | { readable: false; reason: UnreadableReason };

/** Where an unreadable value sits, for the log line (never the value). */
export type UnreadableField = { table: string; column: string; id: string | null; reason: UnreadableReason };

/**
 * The one place that seals and opens personal values (AES-256-GCM, `encryptField`'s format
 * `enc:v1:<keyId>:…`). Repositories use it through their table declarations (sealedTables.ts), so
 * services only ever see clear values. A value that cannot be opened — written under another key,
 * or altered — is reported as unreadable (and handed to `onUnreadable`, which logs it) instead of
 * throwing, so one bad row never breaks a list.
 */
export type FieldCodec = {
  readonly keys: FieldKeys;
  /** Seals a clear value; the empty string stays empty (nothing to hide, and erased rows stay recognisable). */
  sealText(clear: string): string;
  /** Opens a stored value; a value without the cipher prefix (written before sealing) is returned as is. */
  openText(stored: string): OpenedText;
  /** Whether a stored value is sealed under the current key (false for clear text and other keys). */
  isSealedWithCurrentKey(stored: string): boolean;
  /** Reports a value that could not be opened. */
  reportUnreadable(field: UnreadableField): void;
};

/** The key id a sealed value names, or null for clear text. */
export function keyIdOfSealed(stored: string): string | null {
  if (!isEncryptedField(stored)) return null;
  const rest = stored.slice(FIELD_CIPHER_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? null : rest.slice(0, colon);
}

/** Builds the codec over the loaded keys; `onUnreadable` is told about every value that cannot be opened. */
export function createFieldCodec(
  keys: FieldKeys,
  onUnreadable: (field: UnreadableField) => void = () => {},
): FieldCodec {
  return {
    keys,
    sealText: (clear) => (clear === '' ? '' : encryptField(keys, clear)),
    openText: (stored) => {
      if (!isEncryptedField(stored)) return { readable: true, value: stored };
      try {
        return { readable: true, value: decryptField(keys, stored) };
      } catch {
        const keyId = keyIdOfSealed(stored);
        // A key this server holds (current or old) that fails to open the value means the value changed.
        const known = keys.all.some((key) => key.keyId === keyId);
        return { readable: false, reason: known ? 'corrupted' : 'wrong-key' };
      }
    },
    isSealedWithCurrentKey: (stored) => keyIdOfSealed(stored) === keys.keyId,
    reportUnreadable: onUnreadable,
  };
}
