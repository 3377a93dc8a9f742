import { defineMessages } from '../defineMessages.ts';

/** Business hours as the header's badge shows them on every screen (open, closed and why, next opening). */
export const hoursMessages = defineMessages('hours', {
  ko: {
    'hours.open': '업무시간',
    'hours.weekend': '주말',
    'hours.holiday': '공휴일',
    'hours.holidayNamed': '공휴일({name})',
    'hours.closure': '휴무일',
    'hours.closureNamed': '휴무일({name})',
    'hours.beforeHours': '업무 시작 전',
    'hours.afterHours': '업무 종료',
    'hours.nextOpening': '다음 업무 시작 {at}',
    'hours.checking': '업무시간 확인 중',
    'hours.statusWithPolicy': '{label}, {policy}',
    'hours.unknown': '업무시간 확인 불가',
    'hours.policy': '{line} 운영시간: {days} {opens}~{closes} (공휴일·휴무일 제외)',
    'hours.days.weekdays': '평일',
    'hours.holidayDataMissing': '(공휴일 자료 없음: 평일 기준으로 판단)',
    'hours.refreshFailed': '(갱신 실패, 마지막 확인 값)',
  },
  en: {
    'hours.open': 'Business hours',
    'hours.weekend': 'Weekend',
    'hours.holiday': 'Public holiday',
    'hours.holidayNamed': 'Public holiday ({name})',
    'hours.closure': 'Company closure',
    'hours.closureNamed': 'Company closure ({name})',
    'hours.beforeHours': 'Before opening',
    'hours.afterHours': 'Closed for the day',
    'hours.nextOpening': 'Opens {at}',
    'hours.checking': 'Checking business hours',
    'hours.statusWithPolicy': '{label}, {policy}',
    'hours.unknown': 'Business hours unknown',
    // The line's name is the guide's Korean word: the English chrome says what it is instead (a
    // call on another guide's line shows the name beside the badge, as the guide writes it).
    'hours.policy': 'Support line hours: {days} {opens}–{closes} (except public holidays and closures)',
    'hours.days.weekdays': 'weekdays',
    'hours.holidayDataMissing': '(no holiday data: decided as a weekday)',
    'hours.refreshFailed': '(refresh failed, last known value)',
  },
});
