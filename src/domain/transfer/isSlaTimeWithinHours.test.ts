import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { computeTransferDueAt } from './computeTransferDueAt.ts';
import { isSlaTimeWithinHours } from './isSlaTimeWithinHours.ts';
import { measureTransferSla } from './measureTransferSla.ts';

describe('isSlaTimeWithinHours (next-business-day SLA times)', () => {
  const facts = buildCalendarFacts();

  it('takes the opening and closing times and what lies between', () => {
    for (const time of ['09:00', '12:00', '17:59', '18:00'])
      expect(isSlaTimeWithinHours(time, facts)).toBe(true);
  });

  it('refuses times before the opening or after the close', () => {
    for (const time of ['00:00', '08:59', '18:01', '20:00', '23:59'])
      expect(isSlaTimeWithinHours(time, facts)).toBe(false);
  });

  it('follows the line it is given (10–17)', () => {
    const partner = buildCalendarFacts({ openMinute: 600, closeMinute: 1020 });
    expect(isSlaTimeWithinHours('09:30', partner)).toBe(false);
    expect(isSlaTimeWithinHours('17:00', partner)).toBe(true);
  });

  it('keeps the due time and the countdown together for a time it takes: due at the close, 0 left there', () => {
    const filed = seoulInstant('2026-12-07T13:05');
    const dueAt = computeTransferDueAt(filed, { kind: 'next-business-day', time: '18:00' }, facts);
    const atDue = measureTransferSla({ status: 'received', dueAt, retryAt: null }, dueAt, facts);
    expect(atDue).toMatchObject({ state: 'running', businessMinutesLeft: 0 });
  });
});
