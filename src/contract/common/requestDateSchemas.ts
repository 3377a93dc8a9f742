import { z } from 'zod';

/**
 * Years a date or instant in a request may name. PostgreSQL has no year 0 and JavaScript writes
 * years past 9999 as '+010000', which PostgreSQL cannot read; a wider year in a request is a client
 * error (a typo or a probe), so it is refused as a 400 naming the field rather than failing as a 500
 * in the database — also after the calendar moves it on (a retry time pushed to the next business
 * day) or the Seoul offset is applied.
 */
export const MIN_REQUEST_YEAR = 1900;
export const MAX_REQUEST_YEAR = 2199;

// Refinements run even when the format check failed (zod reports every issue), so text that is
// not a date at all passes here and is reported by the format check alone.
const yearInRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return !Number.isInteger(year) || (year >= MIN_REQUEST_YEAR && year <= MAX_REQUEST_YEAR);
};
const yearMessage = `연도는 ${MIN_REQUEST_YEAR}–${MAX_REQUEST_YEAR} 사이여야 합니다`;
// The server words a refinement in the caller's language by this catalogue key (src/server/i18n).
const yearParams = { messageKey: 'validation.yearOutOfRange', min: MIN_REQUEST_YEAR, max: MAX_REQUEST_YEAR };

/** Text shaped as a date ('2026-02-30'), whether or not the calendar has that day. */
export const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A 'YYYY-MM-DD' calendar date (Seoul) in a request, within the years above. `message` says the
 * format; a date-shaped day the calendar lacks (2026-02-30) is told as that, not as a format error.
 */
export function requestDateSchema(message: string) {
  return z.iso
    .date({
      error: (issue) =>
        typeof issue.input === 'string' && DATE_SHAPED.test(issue.input)
          ? `달력에 없는 날짜입니다 (${issue.input})`
          : message,
    })
    .refine(yearInRange, { error: yearMessage, params: yearParams });
}

/** An ISO-8601 instant with an offset in a request, within the years above (after the offset too). */
export function requestInstantSchema(message?: string) {
  return z.iso.datetime({ offset: true, ...(message ? { error: message } : {}) }).refine(
    (text) => {
      const at = new Date(text);
      return Number.isNaN(at.getTime()) || yearInRange(at.toISOString());
    },
    { error: yearMessage, params: yearParams },
  );
}
