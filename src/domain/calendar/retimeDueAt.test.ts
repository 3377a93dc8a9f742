import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { computeTransferDueAt, type TransferSlaRule } from '../transfer/computeTransferDueAt.ts';
import { callbackDueAt } from './callbackDueAt.ts';
import { formatSeoulIso } from './formatSeoulIso.ts';
import { type DueRule, retimeDueAt, sameTimeOnBusinessDay } from './retimeDueAt.ts';

const open = buildCalendarFacts();
// Monday 2026-12-28, the day after 기독탄신일's weekend, closed by the company.
const mondayClosed = buildCalendarFacts({ closures: [{ date: '2026-12-28', name: '창립기념일' }] });
const mondayAndWednesdayClosed = buildCalendarFacts({
  closures: [
    { date: '2026-12-28', name: '창립기념일' },
    { date: '2026-12-30', name: '임시 휴무' },
  ],
});
const seoul = (at: Date) => formatSeoulIso(at);
const slaRule =
  (filed: string, rule: TransferSlaRule): DueRule =>
  (facts) =>
    computeTransferDueAt(seoulInstant(filed), rule, facts);

describe('sameTimeOnBusinessDay', () => {
  it('keeps a time on a business day', () => {
    expect(seoul(sameTimeOnBusinessDay(seoulInstant('2026-12-29 14:30'), mondayClosed))).toBe(
      '2026-12-29T14:30:00+09:00',
    );
  });

  it('moves a time on a closed day to the same time on the next business day, seconds kept', () => {
    const at = new Date(seoulInstant('2026-12-28 10:40').getTime() + 50_000);
    expect(seoul(sameTimeOnBusinessDay(at, mondayClosed))).toBe('2026-12-29T10:40:50+09:00');
    // Friday 12-25 is 기독탄신일 and the weekend follows: Monday.
    expect(seoul(sameTimeOnBusinessDay(seoulInstant('2026-12-25 12:00'), open))).toBe(
      '2026-12-28T12:00:00+09:00',
    );
  });
});

describe('retimeDueAt', () => {
  it('moves a next-business-day due time past a closure added on its day, at the same hour (QA H1)', () => {
    const rule = slaRule('2026-12-24 17:40', { kind: 'next-business-day', time: '12:00' });
    const stored = rule(open);
    expect(seoul(stored)).toBe('2026-12-28T12:00:00+09:00');
    expect(seoul(retimeDueAt(stored, rule, open, mondayClosed))).toBe('2026-12-29T12:00:00+09:00');
  });

  it('brings the due time back when the closure is removed', () => {
    const rule = slaRule('2026-12-24 17:40', { kind: 'next-business-day', time: '12:00' });
    const moved = rule(mondayClosed);
    expect(seoul(retimeDueAt(moved, rule, mondayClosed, open))).toBe('2026-12-28T12:00:00+09:00');
  });

  it('counts business minutes again without the closed day (QA H1, reproduction 2)', () => {
    // Filed on the closed Monday: the count starts Tuesday 09:00.
    const rule = slaRule('2026-12-28 12:05', { kind: 'business-minutes', minutes: 600 });
    const stored = rule(mondayClosed);
    expect(seoul(stored)).toBe('2026-12-30T10:00:00+09:00');
    expect(seoul(retimeDueAt(stored, rule, mondayClosed, mondayAndWednesdayClosed))).toBe(
      '2026-12-31T10:00:00+09:00',
    );
  });

  it('leaves a due time the closure does not reach where it is', () => {
    const rule = slaRule('2026-12-21 10:00', { kind: 'next-business-day', time: '12:00' });
    const stored = rule(open);
    expect(retimeDueAt(stored, rule, open, mondayClosed)).toEqual(stored);
  });

  it('keeps the rule of a transfer filed on the day now closed: still the next business day after it', () => {
    const rule = slaRule('2026-12-28 10:00', { kind: 'next-business-day', time: '12:00' });
    const stored = rule(open);
    expect(seoul(retimeDueAt(stored, rule, open, mondayClosed))).toBe('2026-12-29T12:00:00+09:00');
  });

  it('recomputes a callback from its sending with the delay it was set with', () => {
    const rule: DueRule = (facts) => callbackDueAt(seoulInstant('2026-12-24 17:40'), 120, facts);
    const stored = rule(open);
    expect(seoul(stored)).toBe('2026-12-28T10:40:00+09:00');
    expect(seoul(retimeDueAt(stored, rule, open, mondayClosed))).toBe('2026-12-29T10:40:00+09:00');
  });

  it('treats a time its rule does not give back as chosen: moved only off a closed day, at the same hour', () => {
    // The type's rule changed since filing: 12:00 is no longer what it gives.
    const changed = slaRule('2026-12-24 17:40', { kind: 'next-business-day', time: '15:00' });
    const stored = seoulInstant('2026-12-28 12:00');
    expect(seoul(retimeDueAt(stored, changed, open, mondayClosed))).toBe('2026-12-29T12:00:00+09:00');
    expect(seoul(retimeDueAt(stored, null, open, mondayClosed))).toBe('2026-12-29T12:00:00+09:00');
    // Removing a closure leaves such a time where it is: what it was before is not known.
    const moved = seoulInstant('2026-12-29 12:00');
    expect(retimeDueAt(moved, null, mondayClosed, open)).toEqual(moved);
  });
});
