/**
 * Asia/Seoul has been UTC+9 without daylight saving since 1988, so a fixed offset is exact for every
 * date this product handles, and it keeps results independent of the host's time zone.
 */
export const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

/** A Seoul calendar day as a count of days since 1970-01-01 (Seoul), and the time within it. */
export type SeoulDay = {
  /** Days since 1970-01-01 in Seoul local time. */
  readonly day: number;
  /** Milliseconds since Seoul local midnight, 0 ≤ msOfDay < 86 400 000. */
  readonly msOfDay: number;
};

/** Splits an epoch instant into its Seoul calendar day and time of day. */
export function toSeoulDay(epochMs: number): SeoulDay {
  const local = epochMs + SEOUL_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  return { day, msOfDay: local - day * DAY_MS };
}

/** The epoch instant of Seoul local midnight starting `day`. */
export function seoulDayStartMs(day: number): number {
  return day * DAY_MS - SEOUL_OFFSET_MS;
}

/** `'YYYY-MM-DD'` of a Seoul day; UTC getters on the shifted day avoid the host time zone. */
export function seoulDateKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Gregorian year of a Seoul day. */
export function seoulYear(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
export function seoulWeekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Rejects invalid `Date`s early: NaN arithmetic would otherwise produce nonsense silently. */
export function toEpochMs(date: Date, label: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${label} is an invalid Date`);
  return ms;
}
