import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { addBusinessDays } from './addBusinessDays.ts';
import { businessMinutesBetween } from './businessMinutesBetween.ts';
import { formatSeoulIso } from './formatSeoulIso.ts';
import { subtractBusinessMinutes } from './subtractBusinessMinutes.ts';

const facts = buildCalendarFacts();
const subtract = (seoul: string, minutes: number, custom = facts) =>
  formatSeoulIso(subtractBusinessMinutes(seoulInstant(seoul), minutes, custom));

describe('subtractBusinessMinutes', () => {
  it('goes back within one business day', () => {
    expect(subtract('2026-11-25 14:00', 90)).toBe('2026-11-25T12:30:00+09:00');
  });

  it('goes back over a weekend: Monday 09:10 − 20 → Friday 17:50', () => {
    expect(subtract('2026-11-23 09:10', 20)).toBe('2026-11-20T17:50:00+09:00');
  });

  it('returns the opening itself when the count ends there, so the closed time before it is as old', () => {
    expect(subtract('2026-11-23 10:00', 60)).toBe('2026-11-23T09:00:00+09:00');
    expect(
      businessMinutesBetween(seoulInstant('2026-11-21 12:00'), seoulInstant('2026-11-23 10:00'), facts),
    ).toBe(60);
  });

  it('skips a substitute holiday (2026-10-05, 개천절) and the weekend before it', () => {
    expect(subtract('2026-10-06 09:30', 40)).toBe('2026-10-02T17:50:00+09:00');
  });

  it('skips company closures', () => {
    const closed = buildCalendarFacts({ closures: [{ date: '2026-11-24', name: '창립기념일' }] });
    expect(subtract('2026-11-25 09:30', 60, closed)).toBe('2026-11-23T17:30:00+09:00');
  });

  it('counts from the last closing when now is after hours', () => {
    expect(subtract('2026-11-21 11:00', 30)).toBe('2026-11-20T17:30:00+09:00');
  });

  it('is the inverse of businessMinutesBetween at many instants', () => {
    for (const end of ['2026-11-23 09:10', '2026-10-06 11:45', '2026-12-28 17:59', '2026-11-22 03:00']) {
      for (const minutes of [1, 59, 240, 540, 1620]) {
        const start = subtractBusinessMinutes(seoulInstant(end), minutes, facts);
        expect(businessMinutesBetween(start, seoulInstant(end), facts)).toBe(minutes);
      }
    }
  });

  it('returns the end for zero and refuses negative counts', () => {
    expect(subtract('2026-11-22 03:00', 0)).toBe('2026-11-22T03:00:00+09:00');
    expect(() => subtractBusinessMinutes(new Date(), -1, facts)).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it('Friday 17:50 + 1 business day is Monday, ending at Tuesday midnight', () => {
    const result = addBusinessDays(seoulInstant('2026-11-20 17:50'), 1, facts);
    expect(result.date).toBe('2026-11-23');
    expect(formatSeoulIso(result.endsAt)).toBe('2026-11-24T00:00:00+09:00');
  });

  it('skips a substitute-holiday Monday (2026-10-05) after 개천절 on Saturday', () => {
    expect(addBusinessDays(seoulInstant('2026-10-02 17:50'), 1, facts).date).toBe('2026-10-06');
    expect(addBusinessDays(seoulInstant('2026-08-14 12:00'), 1, facts).date).toBe('2026-08-18');
  });

  it('counts seven business days across two weekends and a closure', () => {
    const closed = buildCalendarFacts({ closures: [{ date: '2026-11-26', name: '워크숍' }] });
    expect(addBusinessDays(seoulInstant('2026-11-20 10:00'), 7, facts).date).toBe('2026-12-01');
    expect(addBusinessDays(seoulInstant('2026-11-20 10:00'), 7, closed).date).toBe('2026-12-02');
  });

  it('starts from a weekend day too: Saturday + 1 is Monday; 0 is the day itself', () => {
    expect(addBusinessDays(seoulInstant('2026-11-21 15:00'), 1, facts).date).toBe('2026-11-23');
    expect(addBusinessDays(seoulInstant('2026-11-21 15:00'), 0, facts).date).toBe('2026-11-21');
  });
});
