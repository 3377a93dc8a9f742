import { describe, expect, it } from 'vitest';
import { sameCompanyName } from './sameCompanyName.ts';

describe('sameCompanyName', () => {
  it('ignores spacing, width, case and the legal form', () => {
    expect(sameCompanyName('이음상사', ' 이음 상사 ')).toBe(true);
    expect(sameCompanyName('(주)이음상사', '주식회사 이음상사')).toBe(true);
    expect(sameCompanyName('㈜이음상사', '이음상사')).toBe(true);
    expect(sameCompanyName('Ieum Co., Ltd.', 'IEUM')).toBe(true);
    expect(sameCompanyName('ＩＥＵＭ', 'ieum')).toBe(true);
  });
  it('tells different companies apart, and an empty name matches nothing', () => {
    expect(sameCompanyName('이음상사', '이음물산')).toBe(false);
    expect(sameCompanyName('', '')).toBe(false);
    expect(sameCompanyName('(주)', '주식회사')).toBe(false);
  });
});
