/**
 * Public holidays by Seoul calendar date, plus the years whose official data is loaded.
 * `coveredYears` exists so a lookup can tell "no holiday that day" apart from "no data for that year".
 */
export type HolidayTable = {
  /** `'YYYY-MM-DD'` → Korean holiday name(s) for that date. */
  readonly byDate: ReadonlyMap<string, readonly string[]>;
  /** Years whose complete gazette data is present; admin-added holidays never add a year here. */
  readonly coveredYears: ReadonlySet<number>;
};

/** A company closure (e.g. 창립기념일 or a system outage day) declared by an admin. */
export type CalendarClosure = {
  /** Seoul calendar date, `'YYYY-MM-DD'`. */
  readonly date: string;
  /** Shown to agents as the reason the line is closed. */
  readonly name: string;
};

/**
 * Everything the business calendar needs, passed in by the caller so the domain stays pure.
 * Hours are minutes after local midnight in Asia/Seoul; the window is half-open [open, close).
 */
export type CalendarFacts = {
  /** Opening minute of a business day, e.g. 540 for 09:00. */
  readonly openMinute: number;
  /** Closing minute of a business day (exclusive), e.g. 1080 for 18:00. */
  readonly closeMinute: number;
  readonly holidays: HolidayTable;
  readonly closures: ReadonlyArray<CalendarClosure>;
};
