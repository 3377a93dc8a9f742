import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../contract/business-hours/businessHoursSchema.ts';
import type { Locale } from '../../contract/users/localeSchema.ts';
import { seoulFormatters } from '../../domain/calendar/seoulFormatters.ts';
import { translate } from '../i18n/translate.ts';
import { describeBusinessHours } from './describeBusinessHours.ts';

const partnerLine = {
  guideId: 'partner-inquiry',
  name: '제휴 상담센터',
  phone: '1588-0000',
  days: 'weekdays',
  opens: '10:00',
  closes: '17:00',
} as const;

const describeIn = (locale: Locale, hours: BusinessHours) =>
  describeBusinessHours(hours, (key, params) => translate(locale, key, params), seoulFormatters(locale));

describe('describeBusinessHours', () => {
  const beforeOpening: BusinessHours = {
    open: false,
    reason: 'before-hours',
    holiday: null,
    nextOpenAt: '2026-11-25T10:00:00+09:00',
    holidayDataMissing: false,
    line: partnerLine,
  };

  it("states the line's hours from the answer (its guide's), not from a copy of the business line's", () => {
    expect(describeIn('ko', beforeOpening).policy).toBe(
      '제휴 상담센터 운영시간: 평일 10:00~17:00 (공휴일·휴무일 제외)',
    );
    expect(describeIn('en', beforeOpening).policy).toBe(
      'Support line hours: weekdays 10:00–17:00 (except public holidays and closures)',
    );
  });

  it('labels the state and, while closed, the next opening in the UI language', () => {
    expect(describeIn('ko', beforeOpening)).toMatchObject({
      label: '업무 시작 전',
      nextOpening: '다음 업무 시작 11월 25일 (수) 10:00',
      color: 'orange',
    });
    const open = { ...beforeOpening, open: true, reason: 'open' as const };
    expect(describeIn('en', open)).toMatchObject({
      label: 'Business hours',
      nextOpening: null,
      color: 'teal',
    });
  });
});
