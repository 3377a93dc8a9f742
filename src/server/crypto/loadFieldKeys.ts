import { createHash, createHmac, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorCodeOf } from '../errorCodeOf.ts';
import { syncToDisk } from '../syncToDisk.ts';

/** Name of the key file kept in IEUM_DATA_DIR when no IEUM_ENCRYPTION_KEY is given (embedded default). */
export const KEY_FILE_NAME = 'encryption.key';

/**
 * The keys derived from one master key. Encryption, the blind index and the access-log chain use
 * different keys (HKDF with distinct labels), so the lookup hash reveals nothing about the cipher
 * key, a leaked index key cannot decrypt anything, and none of them is ever stored in the database.
 */
export type DerivedKeys = {
  /** Short public id of the master key, written into every ciphertext so a wrong key is reported as such. */
  readonly keyId: string;
  /**
   * HMAC-derived fingerprint of the master key (never the key): stored in the database at the first
   * start, so a later start with another key is refused instead of writing rows nobody can read.
   */
  readonly fingerprint: string;
  /**
   * AES-256-GCM key for encryptField / decryptField. A KeyObject, made once: given raw bytes, every
   * cipher and HMAC would import the key again (more than half the cost of sealing a short value).
   */
  readonly encryptionKey: KeyObject;
  /** HMAC-SHA256 key for blindIndex (a KeyObject, as above). */
  readonly indexKey: KeyObject;
  /** HMAC-SHA256 key of the access log's chain links and checkpoints. */
  readonly auditChainKey: Buffer;
  /** HMAC-SHA256 key of the digest of an access-log reason (the chain covers the digest, not the text). */
  readonly auditReasonKey: Buffer;
};

/**
 * The current key (whose derived keys are at the top level: new rows are written with it) and the
 * previous keys still configured for reading (IEUM_ENCRYPTION_OLD_KEYS) until the key rotation
 * has re-encrypted everything. `all` is the current key first, then the previous ones.
 */
export type FieldKeys = DerivedKeys & {
  readonly all: readonly DerivedKeys[];
  /**
   * The embedded default only: the key file this load generated because `encryption.key` was not
   * in IEUM_DATA_DIR. Right for a fresh directory; for one restored without its key (kept apart
   * as the README advises) it is a stranger, and the key check says so and removes it.
   */
  readonly createdKeyFile?: string;
};

/** Where the master key comes from: the environment, or the embedded data directory. */
export type FieldKeySource = {
  /** IEUM_ENCRYPTION_KEY: base64 of 32 random bytes. */
  IEUM_ENCRYPTION_KEY?: string | undefined;
  /** IEUM_ENCRYPTION_OLD_KEYS: comma-separated previous master keys, still read until rotated away. */
  IEUM_ENCRYPTION_OLD_KEYS?: string | undefined;
  /** IEUM_DATA_DIR: where the embedded default keeps `encryption.key`. */
  IEUM_DATA_DIR: string;
  /** DATABASE_URL: with a shared PostgreSQL the key must come from the environment (see below). */
  DATABASE_URL?: string | undefined;
};

function parseMasterKey(base64: string, where: string): Buffer {
  const text = base64.trim();
  const key = Buffer.from(text, 'base64');
  // Buffer.from ignores junk silently; re-encoding proves the text was really base64 of 32 bytes.
  if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) {
    throw new Error(
      `${where} must be base64 of exactly 32 random bytes (generate one with: openssl rand -base64 32)`,
    );
  }
  return key;
}

function readOrCreateKeyFile(dataDir: string): { key: Buffer; created: boolean } {
  const file = path.join(dataDir, KEY_FILE_NAME);
  fs.mkdirSync(dataDir, { recursive: true });
  let created = false;
  try {
    // 'wx' fails if the file exists, so two processes starting at once cannot both write a key.
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      fs.writeSync(fd, `${randomBytes(32).toString('base64')}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // The file's entry too: a power cut that kept data sealed with this key but lost the file
    // would leave that data unreadable.
    syncToDisk(dataDir, 'directory');
    created = true;
  } catch (error) {
    if (errorCodeOf(error) !== 'EEXIST') throw error;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`);
  }
  return { key: parseMasterKey(fs.readFileSync(file, 'utf8'), file), created };
}

/**
 * Loads the master key for field encryption and derives the working keys — the one place that
 * handles key material. IEUM_ENCRYPTION_KEY wins when set. Otherwise the embedded default keeps a
 * key generated once in `<IEUM_DATA_DIR>/encryption.key` (mode 0600), next to the database it
 * protects. With DATABASE_URL the key must be in the environment: instances on several machines
 * would otherwise each generate their own key and be unable to read each other's rows.
 */
export function loadFieldKeys(source: FieldKeySource): FieldKeys {
  let master: Buffer;
  let createdKeyFile: string | undefined;
  if (source.IEUM_ENCRYPTION_KEY) {
    master = parseMasterKey(source.IEUM_ENCRYPTION_KEY, 'IEUM_ENCRYPTION_KEY');
  } else if (source.DATABASE_URL) {
    throw new Error(
      'IEUM_ENCRYPTION_KEY is required with DATABASE_URL (every instance must share one key): set it to the output of `openssl rand -base64 32` and keep a copy in your secret store',
    );
  } else {
    const keyFile = readOrCreateKeyFile(source.IEUM_DATA_DIR);
    master = keyFile.key;
    if (keyFile.created) createdKeyFile = path.join(source.IEUM_DATA_DIR, KEY_FILE_NAME);
  }
  const current = deriveKeys(master);
  const older = (source.IEUM_ENCRYPTION_OLD_KEYS ?? '')
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text, index) => deriveKeys(parseMasterKey(text, `IEUM_ENCRYPTION_OLD_KEYS (key ${index + 1})`)))
    .filter((old) => old.keyId !== current.keyId);
  return { ...current, all: [current, ...older], ...(createdKeyFile ? { createdKeyFile } : {}) };
}

/** Derives every working key from one master key. */
export function deriveKeys(master: Buffer): DerivedKeys {
  const derive = (label: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `ieum ${label} v1`, 32));
  return {
    keyId: createHash('sha256').update(derive('key id')).digest('hex').slice(0, 8),
    fingerprint: createHmac('sha256', derive('key fingerprint')).update('ieum key fingerprint').digest('hex'),
    encryptionKey: createSecretKey(derive('field encryption')),
    indexKey: createSecretKey(derive('blind index')),
    auditChainKey: derive('access log chain'),
    auditReasonKey: derive('access log reason'),
  };
}
