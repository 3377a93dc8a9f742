import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { addBusinessMinutes } from './addBusinessMinutes.ts';
import { businessMinutesBetween } from './businessMinutesBetween.ts';
import { callbackDueAt } from './callbackDueAt.ts';
import { decideBusinessHours } from './decideBusinessHours.ts';
import { nextBusinessDayAt } from './nextBusinessDayAt.ts';

const facts = buildCalendarFacts({ closures: [{ date: '2026-11-27', name: '창립기념일' }] });
// 2025–2028 spans covered years and one without data, so the fallback is exercised too.
const instant = fc.date({
  min: new Date('2025-01-01T00:00:00Z'),
  max: new Date('2028-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const minutes = fc.integer({ min: 0, max: 20_000 });

describe('business calendar properties', () => {
  it('open ⇒ nextOpenAt is the same instant; closed ⇒ nextOpenAt is later', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const decision = decideBusinessHours(at, facts);
        if (decision.open) expect(decision.nextOpenAt.getTime()).toBe(at.getTime());
        else expect(decision.nextOpenAt.getTime()).toBeGreaterThan(at.getTime());
      }),
    );
  });

  it('nextOpenAt is always open, and nothing between at and nextOpenAt is open', () => {
    fc.assert(
      fc.property(instant, fc.double({ min: 0, max: 1, noNaN: true }), (at, fraction) => {
        const { nextOpenAt } = decideBusinessHours(at, facts);
        expect(decideBusinessHours(nextOpenAt, facts).open).toBe(true);
        const gap = nextOpenAt.getTime() - at.getTime();
        if (gap > 0) {
          const inside = new Date(at.getTime() + Math.floor(fraction * (gap - 1)));
          expect(decideBusinessHours(inside, facts).open).toBe(false);
        }
      }),
    );
  });

  it('addBusinessMinutes is monotonic in the minutes and in the start', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (at, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(at, low, facts).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(at, high, facts).getTime(),
        );
      }),
    );
    fc.assert(
      fc.property(instant, instant, minutes, (x, y, m) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        expect(addBusinessMinutes(early, m, facts).getTime()).toBeLessThanOrEqual(
          addBusinessMinutes(late, m, facts).getTime(),
        );
      }),
    );
  });

  it('businessMinutesBetween undoes addBusinessMinutes', () => {
    fc.assert(
      fc.property(instant, minutes, (at, m) => {
        expect(businessMinutesBetween(at, addBusinessMinutes(at, m, facts), facts)).toBe(m);
      }),
    );
  });

  it('businessMinutesBetween is antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(businessMinutesBetween(a, b, facts)).toBe(0 - businessMinutesBetween(b, a, facts));
      }),
    );
  });

  it('callbackDueAt is always open and never earlier than the business-time count', () => {
    fc.assert(
      fc.property(instant, minutes, (at, m) => {
        const due = callbackDueAt(at, m, facts);
        expect(decideBusinessHours(due, facts).open).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(addBusinessMinutes(at, m, facts).getTime());
      }),
    );
  });

  it('nextBusinessDayAt 12:00 is open, on a later Seoul date, and within 366 days', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const due = nextBusinessDayAt(at, '12:00', facts);
        expect(decideBusinessHours(due, facts).open).toBe(true);
        expect(due.getTime()).toBeGreaterThan(at.getTime());
        expect(due.getTime() - at.getTime()).toBeLessThan(366 * 86_400_000);
      }),
    );
  });
});
