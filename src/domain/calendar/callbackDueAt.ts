import { addBusinessMinutes } from './addBusinessMinutes.ts';
import type { CalendarFacts } from './CalendarFacts.ts';
import { decideBusinessHours } from './decideBusinessHours.ts';

/**
 * When the callback (OB) after a sign-up brochure is due: `delayMinutes` counted in business time
 * from `sentAt` (as `addBusinessMinutes`), then moved to the next opening if that instant is not
 * itself open. So a brochure sent Friday 17:30 with a 120-minute delay is due Monday 10:30 (30 min
 * Friday + 90 min Monday), or Tuesday 10:30 when Monday is a holiday; a count ending exactly at 18:00
 * becomes the next business day 09:00, and a 0 delay outside hours becomes the next opening.
 * The result is always inside business hours, so the business team can actually place the call.
 */
export function callbackDueAt(sentAt: Date, delayMinutes: number, facts: CalendarFacts): Date {
  const counted = addBusinessMinutes(sentAt, delayMinutes, facts);
  return decideBusinessHours(counted, facts).nextOpenAt;
}
