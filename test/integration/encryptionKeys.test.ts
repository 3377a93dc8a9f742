import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/createLogger.ts';
import { loadFieldKeys } from '../../src/server/crypto/loadFieldKeys.ts';
import type { OpenDatabase } from '../../src/server/db/openDatabase.ts';
import { readEnv } from '../../src/server/env.ts';
import { encryptionKeyRepository } from '../../src/server/repositories/encryptionKeyRepository.ts';
import { checkEncryptionKeys } from '../../src/server/services/keys/checkEncryptionKeys.ts';
import { startServer } from '../../src/server/startServer.ts';
import { testBackends } from '../helpers/testDatabases.ts';

const newKey = () => randomBytes(32).toString('base64');
const keysOf = (current: string, old: string[] = []) =>
  loadFieldKeys({
    IEUM_ENCRYPTION_KEY: current,
    IEUM_ENCRYPTION_OLD_KEYS: old.join(','),
    IEUM_DATA_DIR: '/x',
  });
const now = new Date('2026-11-25T10:00:00+09:00');

describe.each(testBackends())('encryption key fingerprint on $name', (backend) => {
  const opened: OpenDatabase[] = [];
  // The first database of a run is migrated from scratch: under the hook's longer timeout.
  beforeAll(async () => {
    await (await backend.open()).close();
  });
  afterAll(async () => {
    for (const database of opened) await database.close();
  });

  it('records the key at the first start and refuses another key, naming the variable', async () => {
    const database = await backend.open();
    opened.push(database);
    const right = newKey();
    await checkEncryptionKeys(database.db, keysOf(right), now);
    const rows = await encryptionKeyRepository.list(database.db);
    expect(rows).toHaveLength(1);
    // A fingerprint, never the key or anything the key can be read back from.
    expect(JSON.stringify(rows)).not.toContain(right);
    expect(rows[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    await expect(checkEncryptionKeys(database.db, keysOf(newKey()), now)).rejects.toThrow(
      /IEUM_ENCRYPTION_KEY does not match this database/,
    );
    // The refused key left no trace: the right key still starts, and only it is recorded.
    await checkEncryptionKeys(database.db, keysOf(right), now);
    expect(await encryptionKeyRepository.list(database.db)).toHaveLength(1);
  });

  it('accepts a rotation (new key current, previous one in IEUM_ENCRYPTION_OLD_KEYS) and then needs both', async () => {
    const database = await backend.open();
    opened.push(database);
    const first = newKey();
    const second = newKey();
    await checkEncryptionKeys(database.db, keysOf(first), now);
    await checkEncryptionKeys(database.db, keysOf(second, [first]), now);
    expect(await encryptionKeyRepository.list(database.db)).toHaveLength(2);
    // Rows may now be under either key: dropping the previous one before `key rotate` is refused.
    await expect(checkEncryptionKeys(database.db, keysOf(second), now)).rejects.toThrow(
      /IEUM_ENCRYPTION_OLD_KEYS lacks a key/,
    );
    await expect(checkEncryptionKeys(database.db, keysOf(first), now)).rejects.toThrow(
      /IEUM_ENCRYPTION_OLD_KEYS lacks a key/,
    );
    // Once rotated away, the previous key is no longer needed.
    await encryptionKeyRepository.retire(database.db, [keysOf(first).keyId], now);
    await checkEncryptionKeys(database.db, keysOf(second), now);
  });

  it('refuses a key file it just generated for a database that has a key, saying the key file is missing, and removes it', async () => {
    const database = await backend.open();
    opened.push(database);
    await checkEncryptionKeys(database.db, keysOf(newKey()), now);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-keys-'));
    try {
      const generated = path.join(dir, 'encryption.key');
      fs.writeFileSync(generated, `${newKey()}\n`, { mode: 0o600 });
      const keys = { ...keysOf(fs.readFileSync(generated, 'utf8')), createdKeyFile: generated };
      await expect(checkEncryptionKeys(database.db, keys, now)).rejects.toThrow(
        `${generated} was missing, so a new key was generated, but this database holds data encrypted with key`,
      );
      expect(fs.existsSync(generated)).toBe(false);
      expect(await encryptionKeyRepository.list(database.db)).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a server started with the wrong key', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-keys-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to start instead of writing rows nobody can read', async () => {
    const logger = createLogger('silent');
    const env = (key: string) =>
      readEnv({ IEUM_DATA_DIR: dir, IEUM_ENCRYPTION_KEY: key, PORT: '0', IEUM_WEB_DIR: '/nonexistent' });
    const right = newKey();
    const server = await startServer(env(right), logger);
    await server.stop();
    await expect(startServer(env(newKey()), logger)).rejects.toThrow(/IEUM_ENCRYPTION_KEY does not match/);
    // The refused start released the data directory: the right key starts again.
    const again = await startServer(env(right), logger);
    await again.stop();
    // Three real starts (guides loaded, suggestion models trained, migrations checked) on a shared machine.
  }, 90_000);

  it('started on a data directory restored without its encryption.key, says the key file is missing and leaves no stranger key behind', async () => {
    const logger = createLogger('silent');
    const embedded = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-keyfile-'));
    try {
      const env = readEnv({ IEUM_DATA_DIR: embedded, PORT: '0', IEUM_WEB_DIR: '/nonexistent' });
      const server = await startServer(env, logger);
      await server.stop();
      const keyFile = path.join(embedded, 'encryption.key');
      const kept = fs.readFileSync(keyFile, 'utf8');
      // Backed up apart from the database, as the README says, and not put back yet.
      fs.rmSync(keyFile);
      await expect(startServer(env, logger)).rejects.toThrow(
        /encryption\.key was missing, so a new key was generated, but this database holds data encrypted with key/,
      );
      expect(fs.existsSync(keyFile)).toBe(false);
      fs.writeFileSync(keyFile, kept, { mode: 0o600 });
      const again = await startServer(env, logger);
      await again.stop();
    } finally {
      fs.rmSync(embedded, { recursive: true, force: true });
    }
  }, 90_000);
});
