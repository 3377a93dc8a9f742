import { protocol } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { type BindValue, encodeBindMessage } from './encodeBindMessage.ts';

type PgliteBindValues = NonNullable<Parameters<typeof protocol.serialize.bind>[0]>['values'];

const pgliteBind = (statement: string, values: BindValue[]) =>
  Buffer.from(protocol.serialize.bind({ statement, values: values as PgliteBindValues }));

describe('encodeBindMessage', () => {
  it('writes the bytes PGlite writes, for every kind of parameter', () => {
    const cases: Array<[string, BindValue[]]> = [
      ['ieum_1', []],
      ['ieum_2', ['']],
      ['ieum_3', [null]],
      ['ieum_4', ['plain', null, '', '홍길동 010-1234-5678', '😀 surrogate pair', 'x'.repeat(5000)]],
      ['ieum_5', [new Uint8Array([0, 1, 2, 255]), 'after bytes', new Uint8Array(0)]],
      ['ieum_6', [new Uint8Array([9, 8, 7, 6, 5]).subarray(1, 4), new Uint8Array([1, 2]).buffer]],
      ['이름있는_문장', ['{"a":[1,2,{"b":"ㄱ"}]}', '2026-11-25T01:00:00.000Z', '42']],
    ];
    for (const [statement, values] of cases) {
      const ours = Buffer.from(encodeBindMessage(statement, values));
      expect(ours.equals(pgliteBind(statement, values))).toBe(true);
    }
  });

  it('states its own length, so the next message starts where it ends', () => {
    const message = Buffer.from(encodeBindMessage('ieum_9', ['한글', null, 'z']));
    expect(message[0]).toBe(0x42);
    expect(message.readInt32BE(1)).toBe(message.length - 1);
  });
});
