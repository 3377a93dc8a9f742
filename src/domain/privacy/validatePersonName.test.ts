import { describe, expect, it } from 'vitest';
import { INVALID_PERSON_NAME_MESSAGE, validatePersonName } from './validatePersonName.ts';

describe('validatePersonName', () => {
  it('takes names in Hangul or other scripts, with titles and the punctuation names use', () => {
    for (const name of [
      '홍길동',
      '남궁 민수',
      '김민수 과장',
      '김민수(과장)',
      'Kim Min-su',
      "O'Brien",
      'J. Kim',
      '제갈·공명',
    ]) {
      expect(validatePersonName(` ${name} `)).toEqual({ ok: true, name });
    }
  });

  it('refuses digits, numbers, addresses and what only looks typed', () => {
    for (const value of [
      '12345',
      '010-2345-6789',
      '홍길동1',
      'buyer@example.com',
      'ㅋㅋㅋ',
      '---',
      '!!',
      '',
    ]) {
      expect(validatePersonName(value)).toEqual({ ok: false, message: INVALID_PERSON_NAME_MESSAGE });
    }
  });
});
