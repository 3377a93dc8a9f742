import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../contract/users/localeSchema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/useT.ts';
import { describeBrochure } from './describeBrochure.ts';

const words =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

const sentWith = {
  id: '7d3f1c2a-0000-4000-8000-000000000001',
  number: 'T-2026-000123',
  status: 'sent' as const,
};

describe('describeBrochure', () => {
  it("says a repeat lead's brochure went with the customer's earlier lead, Korean first", () => {
    expect(describeBrochure({ status: 'none', lastError: null, sentWith }, words('ko'))).toEqual({
      label: 'T-2026-000123 건과 함께 발송',
      color: 'teal',
      reason:
        '같은 고객의 진행 중인 리드 T-2026-000123 건으로 소개서가 이미 발송(또는 발송 대기)되어 다시 보내지 않았습니다.',
    });
    expect(describeBrochure({ status: 'none', lastError: null, sentWith }, words('en')).label).toBe(
      'Sent with T-2026-000123',
    );
  });

  it('says so when the e-mail it went with failed after all', () => {
    const failed = { ...sentWith, status: 'failed' as const };
    expect(
      describeBrochure({ status: 'none', lastError: null, sentWith: failed }, words('ko')),
    ).toMatchObject({
      label: 'T-2026-000123 건 발송 실패',
      color: 'red',
    });
  });

  it('reads a lead without an e-mail of its own or of an earlier lead as none', () => {
    expect(describeBrochure({ status: 'none', lastError: null, sentWith: null }, words('ko')).label).toBe(
      '메일 없음',
    );
    expect(describeBrochure({ status: 'sent', lastError: null }, words('ko')).label).toBe('발송됨');
  });
});
