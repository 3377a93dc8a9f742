import { describe, expect, it } from 'vitest';
import { validateBusinessNumber } from './validateBusinessNumber.ts';

describe('validateBusinessNumber', () => {
  it.each(['120-81-47521', '1208147521', '120 81 47521', '１２０-８１-４７５２１'])('accepts %j', (input) => {
    expect(validateBusinessNumber(input)).toEqual({
      ok: true,
      digits: '1208147521',
      display: '120-81-47521',
    });
  });

  it('rejects a wrong check digit as a checksum error', () => {
    expect(validateBusinessNumber('120-81-47522')).toEqual({
      ok: false,
      reason: 'checksum',
      message: '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요',
    });
  });

  it('catches a swapped pair of digits', () => {
    expect(validateBusinessNumber('210-81-47521')).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it('uses the ⌊9th digit × 5 / 10⌋ term (9th digit ≥ 2 matters)', () => {
    // 120-81-4757?: weighted sum 103, plus ⌊7 × 5 / 10⌋ = 3 → 106 → check 4 (7 without the term).
    expect(validateBusinessNumber('120-81-47574')).toMatchObject({ ok: true });
    expect(validateBusinessNumber('120-81-47577')).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it.each([
    '',
    '120-81-4752',
    '120-81-475211',
    '12-081-47521',
    '120/81/47521',
    'abc-de-fghij',
    '120-81-4752a',
  ])('rejects %j as a format error', (input) => {
    expect(validateBusinessNumber(input)).toEqual({
      ok: false,
      reason: 'format',
      message: '사업자등록번호는 10자리 숫자입니다 (예: 123-45-67890)',
    });
  });
});
