import { eq, inArray, sql } from 'drizzle-orm';
import { encryptionKeys } from '../db/keySchema.ts';
import type { Database } from '../db/openDatabase.ts';

/** A recorded master key (fingerprint only). */
export type EncryptionKeyRow = typeof encryptionKeys.$inferSelect;

// Serialises the first-start check across instances starting at once ("ieuk").
const KEY_CHECK_LOCK_KEY = 0x6965756b;

/** SQL for the fingerprints of the master keys the database holds data under. */
export const encryptionKeyRepository = {
  /** Runs `work` holding the key-check lock, in one transaction. */
  withKeyLock: <T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${KEY_CHECK_LOCK_KEY})`);
      return work(tx);
    }),

  list: (db: Database): Promise<EncryptionKeyRow[]> => db.select().from(encryptionKeys),

  record: async (db: Database, key: { keyId: string; fingerprint: string; at: Date }): Promise<void> => {
    await db
      .insert(encryptionKeys)
      .values({ keyId: key.keyId, fingerprint: key.fingerprint, firstUsedAt: key.at })
      .onConflictDoUpdate({ target: encryptionKeys.keyId, set: { retiredAt: null } });
  },

  retire: async (db: Database, keyIds: string[], at: Date): Promise<void> => {
    if (keyIds.length === 0) return;
    await db.update(encryptionKeys).set({ retiredAt: at }).where(inArray(encryptionKeys.keyId, keyIds));
  },

  unretire: async (db: Database, keyId: string): Promise<void> => {
    await db.update(encryptionKeys).set({ retiredAt: null }).where(eq(encryptionKeys.keyId, keyId));
  },
};
