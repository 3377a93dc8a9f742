import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskName } from './maskName.ts';

describe('maskName', () => {
  it.each([
    ['홍길동', '홍*동'],
    ['홍길', '홍*'],
    ['홍', '*'],
    ['남궁민수', '남**수'],
    ['선우용녀다', '선***다'],
    ['Alex Kim', 'A******m'],
    ['Jo', 'J*'],
    ['  홍길동  ', '홍*동'],
    ['', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('treats decomposed Hangul like composed Hangul', () => {
    expect(maskName('홍길동'.normalize('NFD'))).toBe('홍*동');
  });

  it('keeps astral characters whole', () => {
    expect(maskName('𠮷田太郎')).toBe('𠮷**郎');
  });

  const hangulName = fc
    .array(fc.integer({ min: 0xac00, max: 0xd7a3 }), { minLength: 2, maxLength: 6 })
    .map((codes) => String.fromCodePoint(...codes));
  const latinName = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[A-Za-z]$/);
  const name = fc.oneof(hangulName, latinName);

  it('property: the clear name never appears in the output', () => {
    fc.assert(
      fc.property(name, (clear) => {
        expect(maskName(clear).includes(clear)).toBe(false);
      }),
    );
  });

  it('property: one input, one masked form (deterministic, same length)', () => {
    fc.assert(
      fc.property(name, (clear) => {
        expect(maskName(clear)).toBe(maskName(clear));
        expect(Array.from(maskName(clear))).toHaveLength(Array.from(clear).length);
      }),
    );
  });

  it('property: idempotent — a masked name masks to itself', () => {
    fc.assert(
      fc.property(name, (clear) => {
        expect(maskName(maskName(clear))).toBe(maskName(clear));
      }),
    );
  });
});
