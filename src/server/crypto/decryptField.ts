import { createDecipheriv } from 'node:crypto';
import { FIELD_CIPHER_PREFIX } from './encryptField.ts';
import type { FieldKeys } from './loadFieldKeys.ts';

/** Whether a stored value was written by encryptField (rather than being clear text). */
export function isEncryptedField(stored: string): boolean {
  return stored.startsWith(FIELD_CIPHER_PREFIX);
}

/**
 * Decrypts a value written by encryptField, with whichever configured key wrote it (the current
 * key or one in IEUM_ENCRYPTION_OLD_KEYS). Throws when the value was written with an unknown key,
 * is malformed, or was altered (the GCM tag does not match) — never returns garbage.
 * The error message names the key ids, never the value.
 */
export function decryptField(keys: FieldKeys, stored: string): string {
  if (!isEncryptedField(stored)) throw new Error('decryptField: not an encrypted field value');
  const [keyId, packed] = stored.slice(FIELD_CIPHER_PREFIX.length).split(':');
  const key = keys.all.find((candidate) => candidate.keyId === keyId);
  if (!key) {
    throw new Error(
      `decryptField: value was encrypted with key ${keyId}, this server has key ${keys.all.map((k) => k.keyId).join(', ')} (wrong IEUM_ENCRYPTION_KEY, or a previous key missing from IEUM_ENCRYPTION_OLD_KEYS?)`,
    );
  }
  const [nonce, body, tag, extra] = (packed ?? '').split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!nonce || !body || !tag || extra || nonce.length !== 12 || tag.length !== 16) {
    throw new Error('decryptField: malformed encrypted value');
  }
  const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, nonce);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('decryptField: encrypted value fails its integrity check (altered or corrupted)');
  }
}
