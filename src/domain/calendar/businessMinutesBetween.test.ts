import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { businessMinutesBetween } from './businessMinutesBetween.ts';

const facts = buildCalendarFacts();
const between = (a: string, b: string, custom = facts) =>
  businessMinutesBetween(seoulInstant(a), seoulInstant(b), custom);

describe('businessMinutesBetween', () => {
  it('counts minutes within a business day', () => {
    expect(between('2026-11-25 10:00', '2026-11-25 11:30')).toBe(90);
  });

  it('counts only open time across a night', () => {
    expect(between('2026-11-25 17:00', '2026-11-26 10:00')).toBe(120);
  });

  it('counts nothing over a weekend', () => {
    expect(between('2026-11-27 18:00', '2026-11-30 09:00')).toBe(0);
    expect(between('2026-11-28 10:00', '2026-11-29 10:00')).toBe(0);
  });

  it('skips holidays and substitute days (Fri 2026-05-22 17:30 → Tue 05-26 10:30 is 120)', () => {
    expect(between('2026-05-22 17:30', '2026-05-26 10:30')).toBe(120);
  });

  it('is negative when the second instant is earlier (overdue)', () => {
    expect(between('2026-11-26 10:00', '2026-11-25 17:00')).toBe(-120);
  });

  it('is zero for the same instant', () => {
    expect(between('2026-11-25 10:00', '2026-11-25 10:00')).toBe(0);
  });

  it('keeps fractions of a minute', () => {
    expect(between('2026-11-25 10:00', '2026-11-25 10:00:30')).toBe(0.5);
  });

  it('counts a full week as 5 × 540 minutes', () => {
    expect(between('2026-11-23 00:00', '2026-11-30 00:00')).toBe(2700);
  });
});
