import { createCipheriv, randomBytes } from 'node:crypto';
import type { FieldKeys } from './loadFieldKeys.ts';

/** Prefix of every value encryptField writes; `isEncryptedField` tests for it. */
export const FIELD_CIPHER_PREFIX = 'enc:v1:';

/**
 * Encrypts one personal-data value for storage with AES-256-GCM (random 96-bit nonce, 128-bit tag),
 * as `enc:v1:<keyId>:<nonce>.<ciphertext>.<tag>` (base64url). The tag makes any change to the stored
 * text fail to decrypt, and the key id says which key wrote it. The same value encrypts differently
 * every time: use `blindIndex` to look values up.
 */
export function encryptField(keys: FieldKeys, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, nonce);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${FIELD_CIPHER_PREFIX}${keys.keyId}:${[nonce, body, tag].map((part) => part.toString('base64url')).join('.')}`;
}
