import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalizeText.ts';

describe('normalizeText', () => {
  it('lower-cases Latin and folds full-width letters typed with a Korean IME', () => {
    expect(normalizeText('Pc웹 택시')).toBe('pc웹 택시');
    expect(normalizeText('ＰＣ웹 １６４４')).toBe('pc웹 1644');
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(normalizeText("  '기록, 내역, 정산'에  문제!! ")).toBe('기록 내역 정산 에 문제');
    expect(normalizeText('1644-7391 (평일/09~18)')).toBe('1644 7391 평일 09 18');
  });

  it('keeps compatibility jamo so 초성 queries survive (NFKC would not)', () => {
    expect(normalizeText('ㄱㅌㅇㅂㄱ')).toBe('ㄱㅌㅇㅂㄱ');
    expect(normalizeText('ㅠㅠ 미수금')).toBe('ㅠㅠ 미수금');
  });

  it('composes decomposed (NFD) Hangul, as pasted from macOS', () => {
    expect(normalizeText('교통유발금'.normalize('NFD'))).toBe('교통유발금');
  });

  it('drops zero-width characters instead of splitting words', () => {
    expect(normalizeText('교통\u200b유발금')).toBe('교통유발금');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (text) => normalizeText(normalizeText(text)) === normalizeText(text)));
  });
});
