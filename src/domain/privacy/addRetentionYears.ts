/**
 * The instant `years` after `start`, the same calendar date and time (UTC calendar; a 29 February
 * start ends on 1 March, which keeps the data a day longer rather than a day shorter).
 */
export function addRetentionYears(start: Date, years: number): Date {
  const end = new Date(start.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}
