import fs from 'node:fs';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { Database } from '../../db/openDatabase.ts';
import { encryptionKeyRepository } from '../../repositories/encryptionKeyRepository.ts';

/** A start refused because the configured keys do not match the ones the database holds data under. */
export class EncryptionKeyMismatchError extends Error {}

/**
 * Compares the configured master keys with the fingerprints the database recorded, before anything
 * is read or written: a wrong IEUM_ENCRYPTION_KEY would otherwise write new rows nobody can read
 * later and fail on every old one. On the first start the current key's fingerprint is recorded;
 * a new current key (a rotation: the previous one moved to IEUM_ENCRYPTION_OLD_KEYS) is recorded
 * too. Every recorded key that still holds data (not retired by the key rotation) must be
 * configured, or the start is refused with a message naming the variable. Holds a lock so
 * instances starting at once on a fresh database cannot record two different keys.
 */
export async function checkEncryptionKeys(db: Database, keys: FieldKeys, now: Date): Promise<void> {
  const refusal = await encryptionKeyRepository.withKeyLock(db, async (tx): Promise<string | null> => {
    const recorded = await encryptionKeyRepository.list(tx);
    const configured = new Set(keys.all.map((key) => key.fingerprint));
    const missing = recorded.filter((row) => row.retiredAt === null && !configured.has(row.fingerprint));
    if (missing.length > 0) {
      const configuredIds = keys.all.map((key) => key.keyId).join(', ');
      const ids = missing
        .map((row) => `${row.keyId} (fingerprint ${row.fingerprint.slice(0, 16)}…)`)
        .join(', ');
      const wasCurrent = !recorded.some((row) => row.retiredAt === null && configured.has(row.fingerprint));
      if (wasCurrent && keys.createdKeyFile) {
        return `${keys.createdKeyFile} was missing, so a new key was generated, but this database holds data encrypted with key ${ids}: the data directory was copied or restored without its key. Put back the encryption.key this database was made with (the copy kept apart from the database's backup), or set IEUM_ENCRYPTION_KEY to it. The generated key was removed.`;
      }
      return wasCurrent
        ? `IEUM_ENCRYPTION_KEY does not match this database: its data is encrypted with key ${ids}, and the configured key is ${configuredIds}. Set IEUM_ENCRYPTION_KEY to the key this database was created with (on the embedded database: encryption.key in IEUM_DATA_DIR); to rotate to a new key, keep the previous one in IEUM_ENCRYPTION_OLD_KEYS and run \`npx ieum key rotate\`.`
        : `IEUM_ENCRYPTION_OLD_KEYS lacks a key this database still holds data under: ${ids} (configured: ${configuredIds}). Add it to IEUM_ENCRYPTION_OLD_KEYS (comma-separated) until \`npx ieum key rotate\` has re-encrypted everything under IEUM_ENCRYPTION_KEY.`;
    }
    const current = recorded.find((row) => row.fingerprint === keys.fingerprint);
    if (!current || current.retiredAt !== null) {
      await encryptionKeyRepository.record(tx, { keyId: keys.keyId, fingerprint: keys.fingerprint, at: now });
    }
    return null;
  });
  if (refusal === null) return;
  // A key generated for a database that already has one would be read at the next start as if it
  // were the database's: removed, so the directory is left as it was restored.
  if (keys.createdKeyFile) fs.rmSync(keys.createdKeyFile, { force: true });
  throw new EncryptionKeyMismatchError(refusal);
}
