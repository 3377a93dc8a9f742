import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { addBusinessMinutes } from './addBusinessMinutes.ts';
import { formatSeoulIso } from './formatSeoulIso.ts';

const facts = buildCalendarFacts();
const add = (seoul: string, minutes: number, custom = facts) =>
  formatSeoulIso(addBusinessMinutes(seoulInstant(seoul), minutes, custom));

describe('addBusinessMinutes', () => {
  it('adds within one business day', () => {
    expect(add('2026-11-25 10:00', 90)).toBe('2026-11-25T11:30:00+09:00');
  });

  it('ends at 18:00 exactly when the count uses up the day', () => {
    expect(add('2026-11-25 17:00', 60)).toBe('2026-11-25T18:00:00+09:00');
  });

  it('continues the next morning after the count passes 18:00', () => {
    expect(add('2026-11-25 17:00', 61)).toBe('2026-11-26T09:01:00+09:00');
  });

  it('starts counting at opening when started before hours or after hours', () => {
    expect(add('2026-11-25 07:00', 30)).toBe('2026-11-25T09:30:00+09:00');
    expect(add('2026-11-25 20:00', 30)).toBe('2026-11-26T09:30:00+09:00');
  });

  it('skips weekends: Friday 17:30 + 120 → Monday 10:30', () => {
    expect(add('2026-11-20 17:30', 120)).toBe('2026-11-23T10:30:00+09:00');
  });

  it('skips a substitute holiday Monday: Friday 2026-05-22 17:30 + 120 → Tuesday 10:30', () => {
    expect(add('2026-05-22 17:30', 120)).toBe('2026-05-26T10:30:00+09:00');
  });

  it('skips 설날 2026 (Mon 16 – Wed 18)', () => {
    expect(add('2026-02-13 17:00', 120)).toBe('2026-02-19T10:00:00+09:00');
  });

  it('skips 추석 2026 and the 개천절 substitute day', () => {
    expect(add('2026-09-23 17:00', 60 + 540 + 30)).toBe('2026-09-29T09:30:00+09:00');
    expect(add('2026-10-02 17:00', 120)).toBe('2026-10-06T10:00:00+09:00');
  });

  it('counts a full business week (5 × 540 min) from Monday 09:00 to Friday 18:00', () => {
    expect(add('2026-11-23 09:00', 5 * 540)).toBe('2026-11-27T18:00:00+09:00');
  });

  it('skips closures', () => {
    const withClosure = buildCalendarFacts({ closures: [{ date: '2026-11-23', name: '사내 휴무' }] });
    expect(add('2026-11-20 17:30', 120, withClosure)).toBe('2026-11-24T10:30:00+09:00');
  });

  it('returns the start itself for 0 minutes, even when closed', () => {
    expect(add('2026-11-28 10:00', 0)).toBe('2026-11-28T10:00:00+09:00');
  });

  it('counts into a year without holiday data on the weekday rule', () => {
    expect(add('2027-12-31 17:00', 120)).toBe('2028-01-03T10:00:00+09:00');
  });

  it('rejects negative, NaN and infinite minutes', () => {
    const at = seoulInstant('2026-11-25 10:00');
    expect(() => addBusinessMinutes(at, -1, facts)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at, Number.NaN, facts)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at, Number.POSITIVE_INFINITY, facts)).toThrow(RangeError);
  });
});
