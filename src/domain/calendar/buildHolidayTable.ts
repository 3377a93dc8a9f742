import type { HolidayTable } from './CalendarFacts.ts';

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_KEY = /^\d{4}$/;

/** Whether `key` is a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isDateKey(key: string): boolean {
  const match = DATE_KEY.exec(key);
  if (match === null) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === key;
}

/**
 * Builds the holiday lookup from per-year presets (e.g. `koreanHolidayPresets`) and admin-added
 * temporary holidays (임시공휴일 declared at short notice).
 *
 * Only preset years count as covered: an extra holiday in 2028 does not make 2028's data complete,
 * so the calendar keeps flagging that year. Names for one date are merged without duplicates.
 * Throws `RangeError` on a malformed year key or date, since that is a data fault, not an outcome.
 */
export function buildHolidayTable(
  presets: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>,
  extra: ReadonlyArray<{ readonly date: string; readonly name: string }> = [],
): HolidayTable {
  const byDate = new Map<string, string[]>();
  const coveredYears = new Set<number>();
  const add = (date: string, name: string): void => {
    if (!isDateKey(date)) throw new RangeError(`holiday date must be YYYY-MM-DD: ${JSON.stringify(date)}`);
    const names = byDate.get(date);
    if (names === undefined) byDate.set(date, [name]);
    else if (!names.includes(name)) names.push(name);
  };
  for (const [year, days] of Object.entries(presets)) {
    if (!YEAR_KEY.test(year))
      throw new RangeError(`holiday preset key must be a year: ${JSON.stringify(year)}`);
    coveredYears.add(Number(year));
    for (const [date, names] of Object.entries(days)) {
      for (const name of names) add(date, name);
    }
  }
  for (const holiday of extra) add(holiday.date, holiday.name);
  return { byDate, coveredYears };
}
