import { describe, expect, it } from 'vitest';
import { minutesOfDay } from './minutesOfDay.ts';

describe('minutesOfDay', () => {
  it("counts a guide's HH:MM from midnight", () => {
    expect(minutesOfDay('09:00')).toBe(540);
    expect(minutesOfDay('17:30')).toBe(1050);
    expect(minutesOfDay('00:00')).toBe(0);
  });

  it('refuses what is not HH:MM rather than compute a wrong day', () => {
    expect(() => minutesOfDay('9')).toThrow('not an HH:MM time: 9');
    expect(() => minutesOfDay('ab:cd')).toThrow('not an HH:MM time');
  });
});
