import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { callbackDueAt } from './callbackDueAt.ts';
import { formatSeoulIso } from './formatSeoulIso.ts';

const facts = buildCalendarFacts();
const due = (seoul: string, minutes: number, custom = facts) =>
  formatSeoulIso(callbackDueAt(seoulInstant(seoul), minutes, custom));

describe('callbackDueAt (OB after the brochure, delay counted in business time)', () => {
  it('brochure sent Friday 17:30 with a 2-hour delay is due Monday 10:30', () => {
    expect(due('2026-11-20 17:30', 120)).toBe('2026-11-23T10:30:00+09:00');
  });

  it('…or Tuesday 10:30 when Monday is a substitute holiday (2026-05-25)', () => {
    expect(due('2026-05-22 17:30', 120)).toBe('2026-05-26T10:30:00+09:00');
  });

  it.each([
    ['2026-02-27 17:30', '2026-03-03T10:30:00+09:00'], // 대체공휴일(3ㆍ1절)
    ['2026-08-14 17:30', '2026-08-18T10:30:00+09:00'], // 대체공휴일(광복절)
    ['2026-10-02 17:30', '2026-10-06T10:30:00+09:00'], // 대체공휴일(개천절)
    ['2027-07-16 17:30', '2027-07-20T10:30:00+09:00'], // 대체공휴일(제헌절) 2027
    ['2027-12-24 17:30', '2027-12-28T10:30:00+09:00'], // 대체공휴일(기독탄신일) 2027
  ])('sent %s + 120 min is due %s', (sent, expected) => {
    expect(due(sent, 120)).toBe(expected);
  });

  it('is the same day when the delay fits before closing', () => {
    expect(due('2026-11-25 10:00', 120)).toBe('2026-11-25T12:00:00+09:00');
  });

  it('moves a count that ends exactly at 18:00 to the next opening', () => {
    expect(due('2026-11-25 16:00', 120)).toBe('2026-11-26T09:00:00+09:00');
    expect(due('2026-11-27 16:00', 120)).toBe('2026-11-30T09:00:00+09:00');
  });

  it('starts counting at the next opening when sent outside hours', () => {
    expect(due('2026-11-28 11:00', 120)).toBe('2026-11-30T11:00:00+09:00');
  });

  it('with no delay, is the sending time when open and the next opening otherwise', () => {
    expect(due('2026-11-25 10:00', 0)).toBe('2026-11-25T10:00:00+09:00');
    expect(due('2026-11-25 19:00', 0)).toBe('2026-11-26T09:00:00+09:00');
  });

  it('respects closures', () => {
    const withClosure = buildCalendarFacts({ closures: [{ date: '2026-11-23', name: '사내 휴무' }] });
    expect(due('2026-11-20 17:30', 120, withClosure)).toBe('2026-11-24T10:30:00+09:00');
  });
});
