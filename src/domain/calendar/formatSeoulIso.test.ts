import { describe, expect, it } from 'vitest';
import { formatSeoulIso } from './formatSeoulIso.ts';

describe('formatSeoulIso', () => {
  it('writes Seoul wall-clock time with the +09:00 offset', () => {
    expect(formatSeoulIso(new Date('2026-11-25T00:00:00Z'))).toBe('2026-11-25T09:00:00+09:00');
  });

  it('moves to the next Seoul date after 15:00 UTC', () => {
    expect(formatSeoulIso(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01T00:00:00+09:00');
  });

  it('truncates milliseconds rather than rounding up', () => {
    expect(formatSeoulIso(new Date('2026-11-25T08:59:59.999Z'))).toBe('2026-11-25T17:59:59+09:00');
  });

  it('round-trips through Date parsing for whole seconds', () => {
    const text = '2026-02-19T09:00:00+09:00';
    expect(formatSeoulIso(new Date(text))).toBe(text);
  });

  it('rejects an invalid Date', () => {
    expect(() => formatSeoulIso(new Date(Number.NaN))).toThrow(RangeError);
  });
});
