import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealedTables } from '../repositories/sealedTables.ts';
import { emailBlindIndex, phoneBlindIndex } from './blindIndex.ts';
import { encryptField } from './encryptField.ts';
import { createFieldCodec, type UnreadableField } from './fieldCodec.ts';
import { loadFieldKeys } from './loadFieldKeys.ts';
import { openRow } from './openRow.ts';
import { sealRow } from './sealRow.ts';

const keysOf = () =>
  loadFieldKeys({ IEUM_ENCRYPTION_KEY: randomBytes(32).toString('base64'), IEUM_DATA_DIR: '/x' });

describe('field codec', () => {
  it('seals and opens, keeps empty values empty, and opens values written before sealing as they are', () => {
    const codec = createFieldCodec(keysOf());
    const sealed = codec.sealText('홍길동');
    expect(sealed).not.toContain('홍길동');
    expect(codec.openText(sealed)).toEqual({ readable: true, value: '홍길동' });
    expect(codec.sealText('')).toBe('');
    expect(codec.openText('clear legacy text')).toEqual({ readable: true, value: 'clear legacy text' });
    expect(codec.isSealedWithCurrentKey(sealed)).toBe(true);
    expect(codec.isSealedWithCurrentKey('clear')).toBe(false);
  });

  it('opens ciphertexts written by encryptField (the on-disk format is unchanged)', () => {
    const keys = keysOf();
    expect(createFieldCodec(keys).openText(encryptField(keys, '010-2468-1357'))).toEqual({
      readable: true,
      value: '010-2468-1357',
    });
  });

  it('reports a value under another key or altered as unreadable instead of throwing', () => {
    const writer = createFieldCodec(keysOf());
    const reported: UnreadableField[] = [];
    const reader = createFieldCodec(keysOf(), (field) => reported.push(field));
    expect(reader.openText(writer.sealText('a@example.com'))).toEqual({
      readable: false,
      reason: 'wrong-key',
    });
    const sealed = writer.sealText('a@example.com');
    const body = sealed.split('.')[1] ?? '';
    // The first character carries six data bits (the last one may carry padding bits only).
    const altered = sealed.replace(body, `${body.startsWith('A') ? 'B' : 'A'}${body.slice(1)}`);
    expect(writer.openText(altered)).toEqual({ readable: false, reason: 'corrupted' });

    const row = openRow(reader, sealedTables.leads, {
      id: 'lead-1',
      contactName: writer.sealText('홍길동'),
      phone: 'legacy 010-1234-5678',
    });
    expect(row.contactName).toBe('');
    expect(row.phone).toBe('legacy 010-1234-5678');
    expect(row.unreadableFields).toEqual(['contactName']);
    expect(reported).toEqual([{ table: 'leads', column: 'contactName', id: 'lead-1', reason: 'wrong-key' }]);
  });
});

describe('sealRow / openRow', () => {
  it('seals the declared columns and json values, computes the blind indexes, and opens them back', () => {
    const codec = createFieldCodec(keysOf());
    const clear = {
      callerNumber: '010-2468-1357',
      recordTitle: '환불 문의',
      recordBody: '담당자 홍길동, 메일 Hong@Example.com',
      recordFields: { phone: '010-9999-8888', name: '홍길동' },
      channel: 'call' as const,
    };
    const sealed = sealRow(codec, sealedTables.consultations, clear);
    // Whole values, not four digits: those turn up by chance in ciphertext and hex indexes (a CI run
    // failed on '2468|9999').
    expect(JSON.stringify(sealed)).not.toMatch(/홍길동|2468-?1357|9999-?8888|example\.com/i);
    expect(sealed.channel).toBe('call');
    const index = Reflect.get(sealed, 'personalIndex');
    expect(index).toEqual(
      expect.arrayContaining([
        phoneBlindIndex(codec.keys, '01024681357'),
        phoneBlindIndex(codec.keys, '010-9999-8888'),
        emailBlindIndex(codec.keys, 'hong@example.com'),
      ]),
    );
    const opened = openRow(codec, sealedTables.consultations, sealed);
    expect(opened).toMatchObject(clear);
    expect(opened.unreadableFields).toEqual([]);
  });

  it('gives back the values it sealed itself in clear without decrypting them, and opens the rest', () => {
    const codec = createFieldCodec(keysOf());
    let decrypted = 0;
    const counting = {
      ...codec,
      openText: (stored: string) => {
        decrypted += 1;
        return codec.openText(stored);
      },
    };
    const sealedNow = new Map<string, string>();
    const clear = { recordTitle: '환불 문의', recordFields: { phone: '010-9999-8888', name: '홍길동' } };
    const written = sealRow(counting, sealedTables.consultations, clear, 'insert', sealedNow);
    // The row as the database returns it: what was written, and a value written by someone else.
    const earlier = sealRow(codec, sealedTables.consultations, { recordBody: '이전 메모' });
    const opened = openRow(
      counting,
      sealedTables.consultations,
      { ...written, recordBody: earlier.recordBody },
      sealedNow,
    );
    expect(opened).toMatchObject({ ...clear, recordBody: '이전 메모' });
    expect(decrypted).toBe(1);
    // A value sealed now but changed in the database is not taken for the clear text.
    const altered = { ...written, recordTitle: encryptField(codec.keys, '다른 제목') };
    expect(openRow(codec, sealedTables.consultations, altered, sealedNow).recordTitle).toBe('다른 제목');
  });

  it('computes single-value indexes and refuses to write half of an index’s sources', () => {
    const codec = createFieldCodec(keysOf());
    const sealed = sealRow(codec, sealedTables.leads, {
      phone: '01024681357',
      email: 'a@b.kr',
      contactName: '김',
    });
    expect(Reflect.get(sealed, 'phoneIndex')).toBe(phoneBlindIndex(codec.keys, '010-2468-1357'));
    expect(Reflect.get(sealed, 'emailIndex')).toBe(emailBlindIndex(codec.keys, 'A@B.kr'));
    expect(() => sealRow(codec, sealedTables.consultations, { recordBody: 'x' }, 'update')).toThrow(
      /give them together/,
    );
  });

  it('lists every sealed column by SQL name', () => {
    const columns = Object.values(sealedTables).flatMap((table) => table.columns);
    expect(columns).toEqual(
      expect.arrayContaining([
        { table: 'consultations', column: 'record_fields', idColumn: 'id', kind: 'json-values' },
        {
          table: 'transfer_events',
          column: 'detail',
          idColumn: 'id',
          kind: 'json-values',
          jsonKeys: ['note'],
        },
        { table: 'leads', column: 'contact_name', idColumn: 'id', kind: 'text' },
      ]),
    );
  });
});
