import { describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/locale.ts';
import { translate } from '../../i18n/translate.ts';
import { checkPasswordStrength } from './checkPasswordStrength.ts';

/** The refusal in one language, or null when the password is accepted. */
async function refusal(
  password: string,
  userInputs: readonly string[],
  locale: Locale = 'ko',
): Promise<string | null> {
  const text = await checkPasswordStrength(password, userInputs);
  return text ? translate(locale, text) : null;
}

describe('checkPasswordStrength', () => {
  it('refuses common and trivial passwords that pass the length rule, saying why in Korean', async () => {
    const cases: Array<[string, string]> = [
      ['1234567890', '널리 쓰이는 비밀번호'],
      ['          ', '반복'],
      ['aaaaaaaaaaaa', '반복'],
      ['password1234', '널리 쓰이는 비밀번호'],
      ['qwertyuiop', '널리 쓰이는 비밀번호'],
    ];
    for (const [password, reason] of cases) {
      const message = await refusal(password, ['kim@example.com', '김상담']);
      expect(message, JSON.stringify(password)).toContain('너무 쉽게 추측되는 비밀번호입니다');
      expect(message, JSON.stringify(password)).toContain(reason);
    }
  });

  it('counts the account’s own e-mail and name against the password', async () => {
    expect(await checkPasswordStrength('kimsangdam@example.com1', [])).toBeNull();
    expect(await refusal('kimsangdam@example.com1', ['kimsangdam@example.com', 'Kim Sangdam'])).toContain(
      '이름·이메일',
    );
  });

  it('says why in English too, with the same reason codes as parameters', async () => {
    const text = await checkPasswordStrength('password1234', ['kim@example.com', '김상담']);
    expect(text?.params.reasons).toContain('common');
    expect(await refusal('password1234', ['kim@example.com', '김상담'], 'en')).toMatch(
      /^This password is too easy to guess \(.*it is a widely used password.*\)\./,
    );
  });

  it('accepts passphrases of unrelated words, Korean ones too', async () => {
    for (const password of [
      'correct horse battery',
      'a long passphrase for the cli',
      '사과나무 아래서 커피를',
    ])
      expect(await checkPasswordStrength(password, ['kim@example.com', '김상담']), password).toBeNull();
  });
});
