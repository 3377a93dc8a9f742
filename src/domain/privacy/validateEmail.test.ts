import { describe, expect, it } from 'vitest';
import { INVALID_EMAIL_MESSAGE, validateEmail } from './validateEmail.ts';

describe('validateEmail', () => {
  it.each([
    ['abcdef@example.com', 'abcdef@example.com'],
    ['  kim.minsu+biz@Kakao.CORP  ', 'kim.minsu+biz@kakao.corp'],
    ['Hong_GilDong@mail.example.co.kr', 'Hong_GilDong@mail.example.co.kr'],
  ])('accepts %j as %j', (input, email) => {
    expect(validateEmail(input)).toEqual({ ok: true, email });
  });

  it.each([
    '',
    'abc',
    'abc@',
    '@example.com',
    'a b@example.com',
    'abc@example',
    'abc@@example.com',
    'a..b@example.com',
    '홍길동@example.com',
    `${'a'.repeat(250)}@example.com`,
  ])('rejects %j', (input) => {
    expect(validateEmail(input)).toEqual({ ok: false, message: INVALID_EMAIL_MESSAGE });
  });

  it('uses the Korean message promised to the intake form', () => {
    expect(INVALID_EMAIL_MESSAGE).toBe('이메일 주소 형식이 올바르지 않습니다');
  });
});
