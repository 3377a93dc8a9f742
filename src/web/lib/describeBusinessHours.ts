import type { BusinessHours } from '../../contract/business-hours/businessHoursSchema.ts';
import { seoulTime } from './seoulTime.ts';

/** How the console shows a business-hours state. */
export type BusinessHoursDisplay = {
  /** 업무시간 / 주말 / 공휴일(개천절) / 휴무일(창립기념일) / 업무 시작 전 / 업무 종료 */
  label: string;
  /** When closed: "다음 업무 시작 11월 26일 (목) 09:00". */
  nextOpening: string | null;
  color: 'teal' | 'red' | 'orange';
};

/** Turns the API's business-hours answer into the Korean label, colour and next opening. */
export function describeBusinessHours(hours: BusinessHours): BusinessHoursDisplay {
  const label = ((): string => {
    switch (hours.reason) {
      case 'open':
        return '업무시간';
      case 'weekend':
        return '주말';
      case 'holiday':
        return hours.holiday ? `공휴일(${hours.holiday})` : '공휴일';
      case 'closure':
        return hours.holiday ? `휴무일(${hours.holiday})` : '휴무일';
      case 'before-hours':
        return '업무 시작 전';
      case 'after-hours':
        return '업무 종료';
    }
  })();
  return {
    label,
    nextOpening: hours.open ? null : `다음 업무 시작 ${seoulTime.dateTime(hours.nextOpenAt)}`,
    color: hours.open ? 'teal' : hours.reason === 'before-hours' ? 'orange' : 'red',
  };
}
