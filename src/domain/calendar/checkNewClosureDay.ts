import type { CalendarFacts } from './CalendarFacts.ts';
import { prepareCalendar } from './prepareCalendar.ts';
import { DAY_MS, seoulDateKey, toSeoulDay } from './toSeoulDay.ts';

/** Why a day the business calendar already keeps closed is so, with the holiday names to show. */
export type AlreadyClosedDay = {
  readonly reason: 'weekend' | 'holiday';
  /** The public holiday's names (기독탄신일); empty for a weekend. */
  readonly names: readonly string[];
};

/** What adding a closure on a date would do. */
export type NewClosureDayCheck =
  | {
      readonly ok: false;
      readonly reason: 'past';
      /** Today in Seoul, 'YYYY-MM-DD'. */
      readonly today: string;
    }
  | {
      readonly ok: true;
      /** Null when the day is a business day the closure really closes. */
      readonly alreadyClosed: AlreadyClosedDay | null;
    };

/**
 * Checks a new company closure's date (Seoul 'YYYY-MM-DD', already validated) at `now`. A day
 * before today is refused: due times, callbacks and repeat-contact figures already computed over
 * it would change behind everyone's back. A day the calendar keeps closed anyway — a weekend, or
 * a public holiday in the gazette data — may be added (the company may want it on its list) but
 * changes nothing, so it is reported. Today itself may be closed at short notice.
 */
export function checkNewClosureDay(date: string, now: Date, facts: CalendarFacts): NewClosureDayCheck {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  const today = toSeoulDay(now.getTime()).day;
  if (day < today) return { ok: false, reason: 'past', today: seoulDateKey(today) };
  // Other closures do not count: the question is whether the line's own days leave it closed.
  const info = prepareCalendar({ ...facts, closures: [] }).classify(day);
  if (info.kind === 'weekend') return { ok: true, alreadyClosed: { reason: 'weekend', names: [] } };
  if (info.kind === 'holiday') return { ok: true, alreadyClosed: { reason: 'holiday', names: info.names } };
  return { ok: true, alreadyClosed: null };
}
