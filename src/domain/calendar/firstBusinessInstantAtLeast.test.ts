import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { firstBusinessInstantAtLeast } from './firstBusinessInstantAtLeast.ts';
import { formatSeoulIso } from './formatSeoulIso.ts';

const facts = buildCalendarFacts();
const first = (seoul: string, minutes: number) =>
  formatSeoulIso(firstBusinessInstantAtLeast(seoulInstant(seoul), minutes, facts));

describe('firstBusinessInstantAtLeast (wall-clock delay, then the next open instant)', () => {
  it('keeps an instant that is already open', () => {
    expect(first('2026-11-25 10:00', 60)).toBe('2026-11-25T11:00:00+09:00');
  });

  it('counts closed time toward the delay: Friday 17:30 + 2 h → Monday 09:00', () => {
    expect(first('2026-11-20 17:30', 120)).toBe('2026-11-23T09:00:00+09:00');
  });

  it('skips a substitute holiday', () => {
    expect(first('2026-05-22 17:30', 120)).toBe('2026-05-26T09:00:00+09:00');
  });

  it('rejects a negative delay', () => {
    expect(() => firstBusinessInstantAtLeast(seoulInstant('2026-11-25 10:00'), -5, facts)).toThrow(
      RangeError,
    );
  });
});
