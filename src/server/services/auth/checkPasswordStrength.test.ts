import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './checkPasswordStrength.ts';

describe('checkPasswordStrength', () => {
  it('refuses common and trivial passwords that pass the length rule, saying why in Korean', () => {
    const cases: Array<[string, string]> = [
      ['1234567890', '널리 쓰이는 비밀번호'],
      ['          ', '반복'],
      ['aaaaaaaaaaaa', '반복'],
      ['password1234', '널리 쓰이는 비밀번호'],
      ['qwertyuiop', '널리 쓰이는 비밀번호'],
    ];
    for (const [password, reason] of cases) {
      const message = checkPasswordStrength(password, ['kim@example.com', '김상담']);
      expect(message, JSON.stringify(password)).toContain('너무 쉽게 추측되는 비밀번호입니다');
      expect(message, JSON.stringify(password)).toContain(reason);
    }
  });

  it('counts the account’s own e-mail and name against the password', () => {
    expect(checkPasswordStrength('kimsangdam@example.com1', [])).toBeNull();
    expect(
      checkPasswordStrength('kimsangdam@example.com1', ['kimsangdam@example.com', 'Kim Sangdam']),
    ).toContain('이름·이메일');
  });

  it('accepts passphrases of unrelated words, Korean ones too', () => {
    for (const password of [
      'correct horse battery',
      'a long passphrase for the cli',
      '사과나무 아래서 커피를',
    ])
      expect(checkPasswordStrength(password, ['kim@example.com', '김상담']), password).toBeNull();
  });
});
