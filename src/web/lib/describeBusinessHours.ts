import type { BusinessHours } from '../../contract/business-hours/businessHoursSchema.ts';
import type { SeoulFormatters } from '../../domain/calendar/seoulFormatters.ts';
import type { Translate } from '../i18n/useT.ts';

/** How the console shows a business-hours state. */
export type BusinessHoursDisplay = {
  /** 업무시간 / 주말 / 공휴일(개천절) / 휴무일(창립기념일) / 업무 시작 전 / 업무 종료 (in the UI language) */
  label: string;
  /** When closed: "다음 업무 시작 11월 26일 (목) 09:00". */
  nextOpening: string | null;
  color: 'teal' | 'red' | 'orange';
  /** The line's hours as its guide declares them: "비즈니스 전용 상담센터 운영시간: 평일 09:00~18:00 (…)". */
  policy: string;
};

/** Turns the API's business-hours answer into the label, colour and next opening, in the UI language. */
export function describeBusinessHours(
  hours: BusinessHours,
  t: Translate,
  format: SeoulFormatters,
): BusinessHoursDisplay {
  const label = ((): string => {
    switch (hours.reason) {
      case 'open':
        return t('hours.open');
      case 'weekend':
        return t('hours.weekend');
      // The holiday's and closure's own names are the calendar's data, shown as written.
      case 'holiday':
        return hours.holiday ? t('hours.holidayNamed', { name: hours.holiday }) : t('hours.holiday');
      case 'closure':
        return hours.holiday ? t('hours.closureNamed', { name: hours.holiday }) : t('hours.closure');
      case 'before-hours':
        return t('hours.beforeHours');
      case 'after-hours':
        return t('hours.afterHours');
    }
  })();
  return {
    label,
    nextOpening: hours.open ? null : t('hours.nextOpening', { at: format.dateTime(hours.nextOpenAt) }),
    color: hours.open ? 'teal' : hours.reason === 'before-hours' ? 'orange' : 'red',
    // From the answer, not a copy in the messages: a guide's hours change with its file.
    policy: t('hours.policy', {
      line: hours.line.name,
      days: t(`hours.days.${hours.line.days}`),
      opens: hours.line.opens,
      closes: hours.line.closes,
    }),
  };
}
