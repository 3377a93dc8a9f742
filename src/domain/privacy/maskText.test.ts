import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskText } from './maskText.ts';

describe('maskText', () => {
  it('masks phone numbers and emails inside a consultation body, keeping the Korean text', () => {
    const body = [
      '기업명: 이음상사',
      '담당자 이름: 홍길동',
      '연락처: 010-1234-5678',
      '문의 내용: 소개서는 abcdef@example.com으로 보내 주세요. 사무실 02-123-4567',
    ].join('\n');
    expect(maskText(body)).toBe(
      [
        '기업명: 이음상사',
        '담당자 이름: 홍길동',
        '연락처: 010-****-5678',
        '문의 내용: 소개서는 ab***@example.com으로 보내 주세요. 사무실 02-***-4567',
      ].join('\n'),
    );
  });

  it.each([
    ['연락처 01012345678입니다', '연락처 010-****-5678입니다'],
    ['번호는+82 10 1234 5678', '번호는010-****-5678'],
    ['(02) 1234-5678로 연락', '02-****-5678로 연락'],
    ['안심번호 0505-123-4567', '안심번호 0505-***-4567'],
    ['인터넷전화 070 1234 5678', '인터넷전화 070-****-5678'],
    ['전각 ０１０－１２３４－５６７８', '전각 010-****-5678'],
    ['tel:010.1234.5678', 'tel:010-****-5678'],
    ['이메일 kim.minsu+biz@kakao.corp 입니다', '이메일 ki***@kakao.corp 입니다'],
    ['01012345678@example.com', '01***@example.com'],
  ])('%j → %j', (text, masked) => {
    expect(maskText(text)).toBe(masked);
  });

  it('keeps business numbers and non-phone numbers', () => {
    const text =
      '비즈니스 전용 상담센터 1644-7391, 무료 080-123-4567, 2026-11-25 접수, 금액 1,234,567원, 주문 12345678';
    expect(maskText(text)).toBe(text);
  });

  it("leaves the fraction of a decimal number alone (a log line's response time)", () => {
    const line = '{"res":{"statusCode":200},"responseTime":33.051552000019,"msg":"request completed"}';
    expect(maskText(line)).toBe(line);
    expect(maskText('걸린 시간 1.0212345678초')).toBe('걸린 시간 1.0212345678초');
    expect(maskText('문의 내용. 010-1234-5678')).toBe('문의 내용. 010-****-5678');
  });

  it('masks phone-shaped numbers even when they are not valid numbers', () => {
    expect(maskText('번호 0130-123-4567')).toBe('번호 ****-***-4567');
  });

  it('masks several numbers on one line', () => {
    expect(maskText('010-1111-2222, 010-3333-4444')).toBe('010-****-2222, 010-****-4444');
  });

  const phone = fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 }))
    .map(([m, l]) => ({ clear: `010-${m}-${l}`, masked: `010-****-${l}` }));
  const email = fc
    .tuple(fc.stringMatching(/^[a-z0-9._]{3,12}$/), fc.constantFrom('example.com', 'kakao.corp', 'naver.com'))
    .map(([local, domain]) => ({ clear: `${local}@${domain}`, masked: `${local.slice(0, 2)}***@${domain}` }));
  const filler = fc.constantFrom('', ' ', '연락처: ', '메일은 ', '입니다. ', '\n');
  const body = fc.array(fc.tuple(filler, fc.oneof(phone, email), filler), { minLength: 1, maxLength: 5 });
  const join = (parts: ReadonlyArray<readonly [string, { clear: string }, string]>) =>
    parts.map(([before, value, after]) => `${before}${value.clear}${after}`).join(' ');

  it('property: no phone number or email embedded in text survives in clear', () => {
    fc.assert(
      fc.property(body, (parts) => {
        const masked = maskText(join(parts));
        for (const [, value] of parts) {
          expect(masked).not.toContain(value.clear);
          expect(masked).toContain(value.masked);
        }
      }),
    );
  });

  it('keeps an opening parenthesis that starts an aside before a number', () => {
    expect(maskText('고객(010-1234-5678) 요청')).toBe('고객(010-****-5678) 요청');
    expect(maskText('고객(010-1234-5678')).toBe('고객(010-****-5678');
    expect(maskText('(010-1234-5678, 김)')).toBe('(010-****-5678, 김)');
    // An area code written in parentheses is part of the number.
    expect(maskText('고객(02)1234-5678 요청')).toBe('고객02-****-5678 요청');
  });

  it('property: deterministic and idempotent', () => {
    fc.assert(
      fc.property(body, (parts) => {
        const text = join(parts);
        expect(maskText(text)).toBe(maskText(text));
        expect(maskText(maskText(text))).toBe(maskText(text));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(maskText(maskText(text))).toBe(maskText(text));
      }),
    );
  });
});
