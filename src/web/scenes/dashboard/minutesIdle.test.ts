import { describe, expect, it } from 'vitest';
import { minutesIdle } from './minutesIdle.ts';

describe('minutesIdle', () => {
  it('counts whole minutes from the last activity to the floor instant, offsets included', () => {
    expect(minutesIdle('2026-11-25T10:00:00+09:00', '2026-11-25T10:14:59+09:00')).toBe(14);
    expect(minutesIdle('2026-11-25T01:00:00Z', '2026-11-25T10:20:00+09:00')).toBe(20);
    expect(minutesIdle('2026-11-25T10:00:00+09:00', '2026-11-25T10:00:00+09:00')).toBe(0);
  });

  it('never goes below zero (a save stamped after the floor was measured) and reads junk as 0', () => {
    expect(minutesIdle('2026-11-25T10:05:00+09:00', '2026-11-25T10:00:00+09:00')).toBe(0);
    expect(minutesIdle('not a time', '2026-11-25T10:00:00+09:00')).toBe(0);
  });
});
