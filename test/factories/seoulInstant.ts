/**
 * An instant from Seoul wall-clock text, 'YYYY-MM-DD HH:MM[:SS[.mmm]]', so tests read like the
 * scenarios they check and never depend on the host time zone.
 */
export function seoulInstant(text: string): Date {
  const date = new Date(`${text.replace(' ', 'T')}+09:00`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`bad Seoul time in test: ${text}`);
  return date;
}
