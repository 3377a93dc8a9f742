import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { blindIndex, emailBlindIndex, phoneBlindIndex } from './blindIndex.ts';
import { decryptField, isEncryptedField } from './decryptField.ts';
import { encryptField } from './encryptField.ts';
import { KEY_FILE_NAME, loadFieldKeys } from './loadFieldKeys.ts';

const key = () => randomBytes(32).toString('base64');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ieum-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('field encryption', () => {
  const keys = loadFieldKeys({ IEUM_ENCRYPTION_KEY: key(), IEUM_DATA_DIR: '/nonexistent' });

  it('round-trips any text and never stores it in clear', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (clear) => {
        const stored = encryptField(keys, clear);
        expect(isEncryptedField(stored)).toBe(true);
        expect(decryptField(keys, stored)).toBe(clear);
      }),
    );
    const phone = encryptField(keys, '010-1234-5678');
    // The whole number, not a part of it: four digits turn up by chance in the key's hex
    // fingerprint ('enc:v1:d56788ad:…' failed a CI run) or the ciphertext.
    expect(phone).not.toContain('010-1234-5678');
    expect(phone).not.toContain('1234-5678');
    expect(encryptField(keys, '010-1234-5678')).not.toBe(phone);
  });

  it('refuses an altered value, another key, and clear text', () => {
    const stored = encryptField(keys, '홍길동');
    const body = stored.split('.')[1] ?? '';
    const flipped = stored.replace(body, `${body.slice(0, -1)}${body.endsWith('A') ? 'B' : 'A'}`);
    expect(() => decryptField(keys, flipped)).toThrow(/integrity/);
    const other = loadFieldKeys({ IEUM_ENCRYPTION_KEY: key(), IEUM_DATA_DIR: '/nonexistent' });
    expect(() => decryptField(other, stored)).toThrow(/encrypted with key/);
    expect(() => decryptField(keys, '홍길동')).toThrow(/not an encrypted/);
  });

  it('reads values of a previous key in IEUM_ENCRYPTION_OLD_KEYS and writes with the current one', () => {
    const previous = key();
    const old = loadFieldKeys({ IEUM_ENCRYPTION_KEY: previous, IEUM_DATA_DIR: '/x' });
    const stored = encryptField(old, '010-2468-1357');
    const rotated = loadFieldKeys({
      IEUM_ENCRYPTION_KEY: key(),
      IEUM_ENCRYPTION_OLD_KEYS: ` ${previous} `,
      IEUM_DATA_DIR: '/x',
    });
    expect(decryptField(rotated, stored)).toBe('010-2468-1357');
    expect(encryptField(rotated, 'x')).toContain(`:${rotated.keyId}:`);
    expect(rotated.all.map((k) => k.keyId)).toEqual([rotated.keyId, old.keyId]);
    expect(rotated.fingerprint).not.toBe(old.fingerprint);
    expect(() =>
      loadFieldKeys({ IEUM_ENCRYPTION_KEY: key(), IEUM_ENCRYPTION_OLD_KEYS: 'nope', IEUM_DATA_DIR: '/x' }),
    ).toThrow(/IEUM_ENCRYPTION_OLD_KEYS \(key 1\)/);
  });

  it('rejects a key that is not 32 bytes of base64, and demands one with DATABASE_URL', () => {
    expect(() => loadFieldKeys({ IEUM_ENCRYPTION_KEY: 'short', IEUM_DATA_DIR: '/x' })).toThrow(
      /32 random bytes/,
    );
    expect(() => loadFieldKeys({ IEUM_DATA_DIR: '/x', DATABASE_URL: 'postgres://db/ieum' })).toThrow(
      /IEUM_ENCRYPTION_KEY is required with DATABASE_URL/,
    );
  });

  it('embedded default: generates the key once, mode 0600, and reuses it', () => {
    const dir = tempDir();
    const first = loadFieldKeys({ IEUM_DATA_DIR: dir });
    const file = path.join(dir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadFieldKeys({ IEUM_DATA_DIR: dir });
    expect(second.keyId).toBe(first.keyId);
    expect(decryptField(second, encryptField(first, 'abc@example.com'))).toBe('abc@example.com');
    fs.chmodSync(file, 0o644);
    expect(() => loadFieldKeys({ IEUM_DATA_DIR: dir })).toThrow(/chmod 600/);
  });
});

describe('blind index', () => {
  const keys = loadFieldKeys({ IEUM_ENCRYPTION_KEY: key(), IEUM_DATA_DIR: '/nonexistent' });

  it('gives one index per number whatever its format, and differs per key and per kind', () => {
    const index = phoneBlindIndex(keys, '010-1234-5678');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    for (const typed of ['01012345678', '+82 10 1234 5678', '010.1234.5678', '０１０－１２３４－５６７８']) {
      expect(phoneBlindIndex(keys, typed)).toBe(index);
    }
    expect(phoneBlindIndex(keys, '010-1234-5679')).not.toBe(index);
    expect(phoneBlindIndex(keys, 'not a phone')).toBeNull();
    const other = loadFieldKeys({ IEUM_ENCRYPTION_KEY: key(), IEUM_DATA_DIR: '/nonexistent' });
    expect(phoneBlindIndex(other, '010-1234-5678')).not.toBe(index);
    expect(blindIndex(keys, 'email', '01012345678')).not.toBe(blindIndex(keys, 'phone', '01012345678'));
  });

  it('matches emails case-insensitively', () => {
    expect(emailBlindIndex(keys, ' Kim@Example.COM ')).toBe(emailBlindIndex(keys, 'kim@example.com'));
  });
});
