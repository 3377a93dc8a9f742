/**
 * Minutes after midnight of a guide's 'HH:MM' time (the guide schema checks the format): 540 for
 * '09:00'. The business calendar counts in these minutes.
 */
export function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  if (
    hours === undefined ||
    minutes === undefined ||
    !Number.isInteger(hours) ||
    !Number.isInteger(minutes)
  ) {
    throw new Error(`not an HH:MM time: ${hhmm}`);
  }
  return hours * 60 + minutes;
}
