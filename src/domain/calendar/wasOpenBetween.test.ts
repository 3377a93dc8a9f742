import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { wasOpenBetween } from './wasOpenBetween.ts';

const facts = buildCalendarFacts();
const between = (from: string, to: string, custom = facts) =>
  wasOpenBetween(seoulInstant(from), seoulInstant(to), custom);

describe('wasOpenBetween (weekdays 09:00–18:00, Wed 2026-11-25)', () => {
  it('holds for a span inside the hours and for one instant in them', () => {
    expect(between('2026-11-25 10:00', '2026-11-25 10:20')).toBe(true);
    expect(between('2026-11-25 10:00', '2026-11-25 10:00')).toBe(true);
  });

  it('holds for a call that began before closing and ended after it', () => {
    expect(between('2026-11-25 17:55', '2026-11-25 18:10')).toBe(true);
    expect(between('2026-11-25 17:59:59.999', '2026-11-25 18:00:00.001')).toBe(true);
  });

  it('holds for a call that began before opening and ended after it, from the opening instant on', () => {
    expect(between('2026-11-25 08:50', '2026-11-25 09:00')).toBe(true);
    expect(between('2026-11-25 08:50', '2026-11-25 08:59:59.999')).toBe(false);
  });

  it('does not hold for a span wholly outside the hours: evening, the night, a weekend', () => {
    expect(between('2026-11-25 18:00', '2026-11-25 20:00')).toBe(false);
    expect(between('2026-11-25 20:00', '2026-11-26 08:59')).toBe(false);
    expect(between('2026-11-28 10:00', '2026-11-29 17:00')).toBe(false);
  });

  it('does not hold on a public holiday or a company closure during the hours', () => {
    expect(between('2026-12-25 10:00', '2026-12-25 11:00')).toBe(false);
    const closed = buildCalendarFacts({ closures: [{ date: '2026-11-25', name: '창립기념일' }] });
    expect(between('2026-11-25 10:00', '2026-11-25 11:00', closed)).toBe(false);
  });

  it('holds for a span across a closed day into the next opening', () => {
    expect(between('2026-11-27 19:00', '2026-11-30 09:01')).toBe(true);
  });

  it('refuses a span that ends before it begins', () => {
    expect(() => between('2026-11-25 10:00', '2026-11-25 09:00')).toThrow(RangeError);
  });
});
