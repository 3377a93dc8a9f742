import { describe, expect, it } from 'vitest';
import { currentCallbackHold } from './currentCallbackHold.ts';

const at = new Date('2026-11-25T10:00:00+09:00');
const minutesLater = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

describe('currentCallbackHold', () => {
  it('is no one while nobody has taken the callback', () => {
    expect(currentCallbackHold({ takenBy: null, takenAt: null }, at, 30)).toBeNull();
  });

  it("is the taker's until the hold runs out, then no one's", () => {
    const taking = { takenBy: 'u1', takenAt: at };
    expect(currentCallbackHold(taking, minutesLater(29), 30)).toEqual({ userId: 'u1', since: at });
    expect(currentCallbackHold(taking, minutesLater(30), 30)).toBeNull();
  });

  it('is no one when the taker left (their account removed the id) but the time stayed', () => {
    expect(currentCallbackHold({ takenBy: null, takenAt: at }, minutesLater(1), 30)).toBeNull();
  });
});
