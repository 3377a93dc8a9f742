import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { formatSeoulIso } from './formatSeoulIso.ts';
import { nextBusinessDayAt } from './nextBusinessDayAt.ts';

const facts = buildCalendarFacts();
const due = (seoul: string, time = '12:00', custom = facts) =>
  formatSeoulIso(nextBusinessDayAt(seoulInstant(seoul), time, custom));

describe('nextBusinessDayAt (transfer SLA: next business day 12:00)', () => {
  it('is the next weekday at 12:00 for a transfer filed during the week', () => {
    expect(due('2026-11-25 10:00')).toBe('2026-11-26T12:00:00+09:00');
    expect(due('2026-11-25 23:59')).toBe('2026-11-26T12:00:00+09:00');
  });

  it('uses the Seoul date, not the UTC date', () => {
    // 2026-11-25T16:00Z is already Thursday 01:00 in Seoul, so the next business day is Friday.
    expect(formatSeoulIso(nextBusinessDayAt(new Date('2026-11-25T16:00:00Z'), '12:00', facts))).toBe(
      '2026-11-27T12:00:00+09:00',
    );
  });

  it('skips the weekend from a Friday evening', () => {
    expect(due('2026-11-27 18:30')).toBe('2026-11-30T12:00:00+09:00');
  });

  it('is Monday for a transfer filed on Saturday or Sunday', () => {
    expect(due('2026-11-28 10:00')).toBe('2026-11-30T12:00:00+09:00');
    expect(due('2026-11-29 10:00')).toBe('2026-11-30T12:00:00+09:00');
  });

  it.each([
    ['2026-05-22 18:30', '2026-05-26T12:00:00+09:00'], // 대체공휴일(부처님 오신 날) Monday
    ['2026-02-27 18:30', '2026-03-03T12:00:00+09:00'], // 대체공휴일(3ㆍ1절) Monday
    ['2026-08-14 18:30', '2026-08-18T12:00:00+09:00'], // 대체공휴일(광복절) Monday
    ['2026-10-02 18:30', '2026-10-06T12:00:00+09:00'], // 대체공휴일(개천절) Monday
    ['2026-06-02 18:30', '2026-06-04T12:00:00+09:00'], // 전국동시지방선거 Wednesday
    ['2026-02-13 18:30', '2026-02-19T12:00:00+09:00'], // 설날
    ['2026-09-23 18:30', '2026-09-28T12:00:00+09:00'], // 추석
    ['2027-02-05 18:30', '2027-02-10T12:00:00+09:00'], // 설날 + 대체공휴일(설날) 2027
    ['2027-10-08 18:30', '2027-10-12T12:00:00+09:00'], // 한글날 Saturday → 대체공휴일 Monday 10-11
  ])('a transfer filed %s is due %s', (filed, expected) => {
    expect(due(filed)).toBe(expected);
  });

  it('skips closures', () => {
    const withClosure = buildCalendarFacts({ closures: [{ date: '2026-11-26', name: '창립기념일' }] });
    expect(due('2026-11-25 10:00', '12:00', withClosure)).toBe('2026-11-27T12:00:00+09:00');
  });

  it('accepts another time of day', () => {
    expect(due('2026-11-25 10:00', '09:00')).toBe('2026-11-26T09:00:00+09:00');
    expect(due('2026-11-25 10:00', '17:30')).toBe('2026-11-26T17:30:00+09:00');
  });

  it('rejects a malformed time', () => {
    for (const bad of ['12', '24:00', '9:00', '12:60', '']) {
      expect(() => nextBusinessDayAt(seoulInstant('2026-11-25 10:00'), bad, facts)).toThrow(RangeError);
    }
  });
});
