import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskKnownNames } from './maskKnownNames.ts';
import { maskName } from './maskName.ts';

describe('maskKnownNames', () => {
  it('masks a known contact name inside a record body with the one name rule', () => {
    expect(maskKnownNames('ㄴ 담당자 이름 : 홍길동\nㄴ 문의 : 홍길동 님 요청', ['홍길동', ''])).toBe(
      'ㄴ 담당자 이름 : 홍*동\nㄴ 문의 : 홍*동 님 요청',
    );
  });

  it('replaces longer names first', () => {
    expect(maskKnownNames('남궁민수, 민수', ['민수', '남궁민수'])).toBe('남**수, 민*');
  });

  it('property: a known name of two or more characters never survives in clear', () => {
    const hangul = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCodePoint(code));
    const name = fc.array(hangul, { minLength: 2, maxLength: 5 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(name, fc.string(), fc.string(), (who, before, after) => {
        const masked = maskKnownNames(`${before}${who}${after}`, [who]);
        expect(masked).toContain(maskName(who));
        expect(masked.includes(who)).toBe(false);
      }),
    );
  });
});
