import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { buildHolidayTable } from './buildHolidayTable.ts';
import { decideBusinessHours } from './decideBusinessHours.ts';
import { formatSeoulIso } from './formatSeoulIso.ts';
import { koreanHolidayPresets } from './koreanHolidayPresets.ts';

const facts = buildCalendarFacts();

function decide(seoul: string, custom = facts) {
  const decision = decideBusinessHours(seoulInstant(seoul), custom);
  return { ...decision, nextOpenAt: formatSeoulIso(decision.nextOpenAt) };
}

describe('decideBusinessHours: hour boundaries on a weekday (Wed 2026-11-25)', () => {
  it('is closed at 08:59, before hours, opening at 09:00 the same day', () => {
    expect(decide('2026-11-25 08:59')).toEqual({
      open: false,
      reason: 'before-hours',
      holiday: null,
      nextOpenAt: '2026-11-25T09:00:00+09:00',
      holidayDataMissing: false,
    });
  });

  it('is closed at 08:59:59.999', () => {
    expect(decide('2026-11-25 08:59:59.999')).toMatchObject({ open: false, reason: 'before-hours' });
  });

  it('is open at exactly 09:00 and nextOpenAt is that same instant', () => {
    const at = seoulInstant('2026-11-25 09:00');
    const decision = decideBusinessHours(at, facts);
    expect(decision).toMatchObject({ open: true, reason: 'open', holiday: null, holidayDataMissing: false });
    expect(decision.nextOpenAt.getTime()).toBe(at.getTime());
  });

  it('is open at 17:59 and at 17:59:59.999', () => {
    expect(decide('2026-11-25 17:59')).toMatchObject({ open: true, reason: 'open' });
    const at = seoulInstant('2026-11-25 17:59:59.999');
    const decision = decideBusinessHours(at, facts);
    expect(decision.open).toBe(true);
    expect(decision.nextOpenAt.getTime()).toBe(at.getTime());
  });

  it('is closed at exactly 18:00, after hours, opening the next morning', () => {
    expect(decide('2026-11-25 18:00')).toEqual({
      open: false,
      reason: 'after-hours',
      holiday: null,
      nextOpenAt: '2026-11-26T09:00:00+09:00',
      holidayDataMissing: false,
    });
  });

  it('treats local midnight as before hours of the new day', () => {
    expect(decide('2026-11-26 00:00')).toMatchObject({
      reason: 'before-hours',
      nextOpenAt: '2026-11-26T09:00:00+09:00',
    });
    expect(decide('2026-11-25 23:59:59.999')).toMatchObject({
      reason: 'after-hours',
      nextOpenAt: '2026-11-26T09:00:00+09:00',
    });
  });
});

describe('decideBusinessHours: instants given in other offsets', () => {
  it('reads 2026-11-25T23:30:00Z as Thursday 08:30 in Seoul', () => {
    const decision = decideBusinessHours(new Date('2026-11-25T23:30:00Z'), facts);
    expect(decision).toMatchObject({ open: false, reason: 'before-hours', holiday: null });
    expect(formatSeoulIso(decision.nextOpenAt)).toBe('2026-11-26T09:00:00+09:00');
  });

  it('reads 2026-11-25T00:00:00Z as Wednesday 09:00 in Seoul (open)', () => {
    expect(decideBusinessHours(new Date('2026-11-25T00:00:00Z'), facts).open).toBe(true);
  });

  it('reads 2026-11-25T09:00:00Z as Wednesday 18:00 in Seoul (closed)', () => {
    expect(decideBusinessHours(new Date('2026-11-25T09:00:00Z'), facts).reason).toBe('after-hours');
  });

  it('gives the same answer whatever offset the instant was written in', () => {
    const a = decideBusinessHours(new Date('2026-11-25T10:15:00+09:00'), facts);
    const b = decideBusinessHours(new Date('2026-11-24T20:15:00-05:00'), facts);
    expect(a).toEqual(b);
  });
});

describe('decideBusinessHours: weekends', () => {
  it('is closed on Saturday and Sunday during office hours, opening Monday 09:00', () => {
    expect(decide('2026-11-28 10:00')).toEqual({
      open: false,
      reason: 'weekend',
      holiday: null,
      nextOpenAt: '2026-11-30T09:00:00+09:00',
      holidayDataMissing: false,
    });
    expect(decide('2026-11-29 12:00')).toMatchObject({
      reason: 'weekend',
      nextOpenAt: '2026-11-30T09:00:00+09:00',
    });
  });

  it('is after hours on Friday 18:00 and opens Monday', () => {
    expect(decide('2026-11-27 18:00')).toMatchObject({
      reason: 'after-hours',
      nextOpenAt: '2026-11-30T09:00:00+09:00',
    });
  });
});

describe('decideBusinessHours: public holidays (2026)', () => {
  it.each([
    ['2026-01-01 10:00', '1월 1일', '2026-01-02T09:00:00+09:00'],
    ['2026-02-16 10:00', '설날 전날', '2026-02-19T09:00:00+09:00'],
    ['2026-02-17 10:00', '설날', '2026-02-19T09:00:00+09:00'],
    ['2026-02-18 10:00', '설날 다음 날', '2026-02-19T09:00:00+09:00'],
    ['2026-05-01 10:00', '노동절', '2026-05-04T09:00:00+09:00'],
    ['2026-09-24 10:00', '추석 전날', '2026-09-28T09:00:00+09:00'],
    ['2026-09-25 10:00', '추석', '2026-09-28T09:00:00+09:00'],
    ['2026-10-09 10:00', '한글날', '2026-10-12T09:00:00+09:00'],
    ['2026-12-25 10:00', '기독탄신일', '2026-12-28T09:00:00+09:00'],
  ])('%s is a holiday (%s), next open %s', (at, name, next) => {
    expect(decide(at)).toEqual({
      open: false,
      reason: 'holiday',
      holiday: name,
      nextOpenAt: next,
      holidayDataMissing: false,
    });
  });

  it('names a holiday that falls on a weekend (추석 다음 날, Saturday 2026-09-26) as a holiday', () => {
    expect(decide('2026-09-26 10:00')).toMatchObject({ reason: 'holiday', holiday: '추석 다음 날' });
  });

  it('carries the 설날 closure across the weekend before it: Sat 14 → Thu 19 09:00', () => {
    expect(decide('2026-02-14 09:30')).toMatchObject({
      reason: 'weekend',
      nextOpenAt: '2026-02-19T09:00:00+09:00',
    });
    expect(decide('2026-02-13 18:00')).toMatchObject({
      reason: 'after-hours',
      nextOpenAt: '2026-02-19T09:00:00+09:00',
    });
  });

  it('closes before hours on a holiday with reason holiday, not before-hours', () => {
    expect(decide('2026-02-17 07:00')).toMatchObject({ reason: 'holiday' });
  });

  it('is open the day after a long holiday', () => {
    expect(decide('2026-02-19 09:00')).toMatchObject({ open: true, reason: 'open' });
  });
});

describe('decideBusinessHours: substitute and election days', () => {
  it.each([
    ['2026-03-02 10:00', '대체공휴일(3ㆍ1절)', '2026-03-03T09:00:00+09:00'],
    ['2026-05-25 10:00', '대체공휴일(부처님 오신 날)', '2026-05-26T09:00:00+09:00'],
    ['2026-08-17 10:00', '대체공휴일(광복절)', '2026-08-18T09:00:00+09:00'],
    ['2026-10-05 10:00', '대체공휴일(개천절)', '2026-10-06T09:00:00+09:00'],
    ['2026-06-03 10:00', '전국동시지방선거', '2026-06-04T09:00:00+09:00'],
    ['2027-02-09 10:00', '대체공휴일(설날)', '2027-02-10T09:00:00+09:00'],
    ['2027-05-03 10:00', '대체공휴일(노동절)', '2027-05-04T09:00:00+09:00'],
    ['2027-07-19 10:00', '대체공휴일(제헌절)', '2027-07-20T09:00:00+09:00'],
    ['2027-08-16 10:00', '대체공휴일(광복절)', '2027-08-17T09:00:00+09:00'],
    ['2027-10-04 10:00', '대체공휴일(개천절)', '2027-10-05T09:00:00+09:00'],
    ['2027-10-11 10:00', '대체공휴일(한글날)', '2027-10-12T09:00:00+09:00'],
    ['2027-12-27 10:00', '대체공휴일(기독탄신일)', '2027-12-28T09:00:00+09:00'],
  ])('%s is closed for %s, next open %s', (at, name, next) => {
    expect(decide(at)).toEqual({
      open: false,
      reason: 'holiday',
      holiday: name,
      nextOpenAt: next,
      holidayDataMissing: false,
    });
  });

  it('skips the substitute Monday from a Friday evening (2026-05-22 18:30 → Tue 05-26 09:00)', () => {
    expect(decide('2026-05-22 18:30')).toMatchObject({
      reason: 'after-hours',
      nextOpenAt: '2026-05-26T09:00:00+09:00',
    });
  });

  it('joins several names for one date with ", "', () => {
    expect(decide('2025-05-05 10:00')).toMatchObject({
      reason: 'holiday',
      holiday: '어린이날, 부처님 오신 날',
    });
  });
});

describe('decideBusinessHours: company closures and admin-added holidays', () => {
  const withClosure = buildCalendarFacts({ closures: [{ date: '2026-11-27', name: '창립기념일' }] });

  it('is closed on a closure day with the closure name', () => {
    expect(decide('2026-11-27 10:00', withClosure)).toEqual({
      open: false,
      reason: 'closure',
      holiday: '창립기념일',
      nextOpenAt: '2026-11-30T09:00:00+09:00',
      holidayDataMissing: false,
    });
  });

  it('skips a closure while searching for the next opening', () => {
    expect(decide('2026-11-26 18:00', withClosure)).toMatchObject({
      nextOpenAt: '2026-11-30T09:00:00+09:00',
    });
  });

  it('reports a holiday over a closure on the same date, listing both names', () => {
    const both = buildCalendarFacts({ closures: [{ date: '2026-10-09', name: '사내 휴무' }] });
    expect(decide('2026-10-09 10:00', both)).toMatchObject({
      reason: 'holiday',
      holiday: '한글날, 사내 휴무',
    });
  });

  it('honours a temporary holiday added at run time', () => {
    const extra = buildCalendarFacts({
      holidays: buildHolidayTable(koreanHolidayPresets, [{ date: '2026-11-25', name: '임시공휴일' }]),
    });
    expect(decide('2026-11-25 10:00', extra)).toMatchObject({ reason: 'holiday', holiday: '임시공휴일' });
  });

  it('honours custom hours (10:00–17:00)', () => {
    const short = buildCalendarFacts({ openMinute: 600, closeMinute: 1020 });
    expect(decide('2026-11-25 09:30', short)).toMatchObject({
      reason: 'before-hours',
      nextOpenAt: '2026-11-25T10:00:00+09:00',
    });
    expect(decide('2026-11-25 17:00', short)).toMatchObject({ reason: 'after-hours' });
  });
});

describe('decideBusinessHours: years without holiday data', () => {
  it('answers for 2028 on the weekday rule and flags the missing data', () => {
    // 2028-03-01 is 삼일절, but the bundled data ends in 2027: the flag tells the agent not to trust it.
    expect(decide('2028-03-01 10:00')).toEqual({
      open: true,
      reason: 'open',
      holiday: null,
      nextOpenAt: '2028-03-01T10:00:00+09:00',
      holidayDataMissing: true,
    });
    expect(decide('2028-03-04 10:00')).toMatchObject({ reason: 'weekend', holidayDataMissing: true });
  });

  it('flags a search that crosses from covered 2027 into 2028 and keeps going', () => {
    expect(decide('2027-12-31 18:30')).toEqual({
      open: false,
      reason: 'after-hours',
      holiday: null,
      nextOpenAt: '2028-01-03T09:00:00+09:00',
      holidayDataMissing: true,
    });
  });

  it('does not flag an instant in a covered year when the answer stays inside it', () => {
    expect(decide('2027-12-31 10:00')).toMatchObject({ open: true, holidayDataMissing: false });
  });

  it('answers with no holiday data at all', () => {
    const none = buildCalendarFacts({ holidays: buildHolidayTable({}) });
    expect(decide('2026-01-01 10:00', none)).toMatchObject({ open: true, holidayDataMissing: true });
  });
});

describe('decideBusinessHours: faults', () => {
  it('rejects an invalid Date', () => {
    expect(() => decideBusinessHours(new Date('nope'), facts)).toThrow(RangeError);
  });

  it('rejects impossible hours', () => {
    expect(() =>
      decideBusinessHours(new Date(), buildCalendarFacts({ openMinute: 1080, closeMinute: 540 })),
    ).toThrow(RangeError);
  });

  it('stops searching after a year of closures instead of looping forever', () => {
    const closures = Array.from({ length: 400 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      name: '휴무',
    }));
    expect(() =>
      decideBusinessHours(seoulInstant('2026-01-01 10:00'), buildCalendarFacts({ closures })),
    ).toThrow(/no business day/);
  });
});
