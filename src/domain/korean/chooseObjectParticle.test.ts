import { describe, expect, it } from 'vitest';
import { chooseObjectParticle } from './chooseObjectParticle.ts';

describe('chooseObjectParticle', () => {
  it('takes 을 after a final consonant and 를 after a vowel', () => {
    expect(chooseObjectParticle('업체명')).toBe('을');
    expect(chooseObjectParticle('문의 내용')).toBe('을');
    expect(chooseObjectParticle('연락처')).toBe('를');
    expect(chooseObjectParticle('이메일주소 ')).toBe('를');
  });

  it('takes 를 for an empty word or a non-Hangul ending', () => {
    expect(chooseObjectParticle('')).toBe('를');
    expect(chooseObjectParticle('e-mail')).toBe('를');
  });
});
