import { describe, expect, it } from 'vitest';
import { buildCalendarFacts } from '../../../test/factories/buildCalendarFacts.ts';
import { seoulInstant } from '../../../test/factories/seoulInstant.ts';
import { checkNewClosureDay } from './checkNewClosureDay.ts';

describe('checkNewClosureDay', () => {
  const facts = buildCalendarFacts({ closures: [{ date: '2026-12-09', name: '창립기념일' }] });
  // Monday 2026-12-07, 10:00 in Seoul. "Today" is Seoul's date: at 00:30 there it is still 12-06 in UTC.
  const now = seoulInstant('2026-12-07 10:00');

  it('refuses a day before today in Seoul, naming today', () => {
    expect(checkNewClosureDay('2026-12-01', now, facts)).toEqual({
      ok: false,
      reason: 'past',
      today: '2026-12-07',
    });
    expect(checkNewClosureDay('2026-12-06', seoulInstant('2026-12-07 00:30'), facts)).toMatchObject({
      ok: false,
      today: '2026-12-07',
    });
  });

  it('takes today and later business days as closing them', () => {
    expect(checkNewClosureDay('2026-12-07', now, facts)).toEqual({ ok: true, alreadyClosed: null });
    expect(checkNewClosureDay('2026-12-10', now, facts)).toEqual({ ok: true, alreadyClosed: null });
    // A day another closure holds is judged on the line's own days (the duplicate is refused elsewhere).
    expect(checkNewClosureDay('2026-12-09', now, facts)).toEqual({ ok: true, alreadyClosed: null });
  });

  it('reports a Saturday and a public holiday as already closed', () => {
    expect(checkNewClosureDay('2026-12-12', now, facts)).toEqual({
      ok: true,
      alreadyClosed: { reason: 'weekend', names: [] },
    });
    expect(checkNewClosureDay('2026-12-25', now, facts)).toEqual({
      ok: true,
      alreadyClosed: { reason: 'holiday', names: ['기독탄신일'] },
    });
  });
});
