import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The master keys this database holds data under, by fingerprint (an HMAC-derived value, never the
 * key). Written at the first start and at the first start with a new IEUM_ENCRYPTION_KEY; a key is
 * retired by the key rotation once nothing is encrypted with it any more. A start whose
 * configuration lacks a key that is not retired is refused (checkEncryptionKeys).
 */
export const encryptionKeys = pgTable('encryption_keys', {
  keyId: text('key_id').primaryKey(),
  fingerprint: text('fingerprint').notNull().unique(),
  firstUsedAt: timestamp('first_used_at', { withTimezone: true }).notNull(),
  /** When the key rotation re-encrypted the last value under this key; null while it still holds data. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});
