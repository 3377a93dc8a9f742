import { SEOUL_OFFSET_MS, toEpochMs } from './toSeoulDay.ts';

/**
 * Formats an instant as Seoul local time with its offset, e.g. '2026-11-25T09:00:00+09:00'.
 * Precision is whole seconds: milliseconds are truncated (never rounded up into the next second), so
 * the text never claims a later time than the instant. Throws `RangeError` for an invalid Date.
 */
export function formatSeoulIso(date: Date): string {
  const shifted = new Date(toEpochMs(date, 'date') + SEOUL_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+09:00`;
}
