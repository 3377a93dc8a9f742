/** A 사업자등록번호 whose check digit is right (which does not prove the business exists). */
export type ValidBusinessNumber = {
  readonly ok: true;
  /** Ten digits, the stored form, e.g. '1208147521'. */
  readonly digits: string;
  /** 'XXX-XX-XXXXX', e.g. '120-81-47521'. */
  readonly display: string;
};

/** Why a 사업자등록번호 was rejected: not ten digits, or a wrong check digit (likely a typo). */
export type InvalidBusinessNumber = {
  readonly ok: false;
  readonly reason: 'format' | 'checksum';
  readonly message: string;
};

const WEIGHTS: readonly number[] = [1, 3, 7, 1, 3, 7, 1, 3, 5];
// Hyphens and spaces are how people type it; anything else (letters, dots) is a different value.
const SHAPE = /^\d{3}[-\s]?\d{2}[-\s]?\d{5}$/;

/**
 * Checks a 사업자등록번호 typed as 'XXX-XX-XXXXX' or ten digits (full-width digits accepted).
 * Check digit (DOMAIN-FACTS.md): weight the first nine digits by 1,3,7,1,3,7,1,3,5 and sum; add
 * ⌊9th digit × 5 / 10⌋; the 10th digit must equal (10 − sum mod 10) mod 10. '120-81-47521' passes.
 */
export function validateBusinessNumber(input: string): ValidBusinessNumber | InvalidBusinessNumber {
  const text = input.normalize('NFKC').trim();
  if (!SHAPE.test(text)) {
    return { ok: false, reason: 'format', message: '사업자등록번호는 10자리 숫자입니다 (예: 123-45-67890)' };
  }
  const digits = text.replace(/\D/g, '');
  const values = Array.from(digits, Number);
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += (values[index] ?? 0) * weight;
  });
  sum += Math.floor(((values[8] ?? 0) * 5) / 10);
  const check = (10 - (sum % 10)) % 10;
  if (check !== values[9]) {
    return {
      ok: false,
      reason: 'checksum',
      message: '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요',
    };
  }
  return { ok: true, digits, display: `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` };
}
