import type { CalendarFacts } from '../calendar/CalendarFacts.ts';
import { minutesOfDay } from '../calendar/minutesOfDay.ts';

/**
 * Whether a "next business day at HH:MM" SLA time lies within the business day, opening to
 * closing time, both included. A transfer's time left is counted in business minutes, which stop
 * at the close: a due time after it (20:00 on an 09–18 day) would read as overdue hours after its
 * countdown reached zero, and one before the opening as overdue with no business time passed.
 * Due at the close itself, the countdown and the due time meet.
 */
export function isSlaTimeWithinHours(
  time: string,
  hours: Pick<CalendarFacts, 'openMinute' | 'closeMinute'>,
): boolean {
  const minute = minutesOfDay(time);
  return minute >= hours.openMinute && minute <= hours.closeMinute;
}
