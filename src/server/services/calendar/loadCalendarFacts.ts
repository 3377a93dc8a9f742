import { buildHolidayTable } from '../../../domain/calendar/buildHolidayTable.ts';
import type { CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import { koreanHolidayPresets } from '../../../domain/calendar/koreanHolidayPresets.ts';
import type { AppContext } from '../../appContext.ts';
import { closureRepository } from '../../repositories/closureRepository.ts';

// Business hours from the guide: weekdays 09:00–18:00 Asia/Seoul (평일 / 09 ~ 18).
const OPEN_MINUTE = 9 * 60;
const CLOSE_MINUTE = 18 * 60;
const holidays = buildHolidayTable(koreanHolidayPresets);

/** Event type every closure change publishes (src/server/services/closures/manageClosures.ts). */
const CLOSURE_CHANGED = 'closure.changed';
// The header badge asks for business hours every minute on every screen, and every transfer answer
// computes due times: closures change a few times a year. A change is heard at once over NOTIFY on
// every instance; the age limit only covers a change made behind the app's back.
const MAX_AGE_MS = 60_000;

const cached = new WeakMap<AppContext, { facts: CalendarFacts; readAt: number }>();
const listening = new WeakSet<AppContext>();

/**
 * The facts the pure calendar decides on: public holidays from the gazette data and the company
 * closures stored in the database, kept in memory until a closure changes (on any instance), so a
 * closure an admin adds applies at once everywhere.
 */
export async function loadCalendarFacts(ctx: AppContext): Promise<CalendarFacts> {
  if (!listening.has(ctx)) {
    listening.add(ctx);
    ctx.events.subscribe((event) => {
      if (event.type === CLOSURE_CHANGED) cached.delete(ctx);
    });
  }
  const hit = cached.get(ctx);
  // While the LISTEN connection is down a change elsewhere would go unheard: read through until it is back.
  if (hit && ctx.database.listening() && performance.now() - hit.readAt < MAX_AGE_MS) return hit.facts;
  const rows = await closureRepository.list(ctx.database.db);
  const facts: CalendarFacts = {
    openMinute: OPEN_MINUTE,
    closeMinute: CLOSE_MINUTE,
    holidays,
    closures: rows.map((row) => ({ date: row.date, name: row.name })),
  };
  cached.set(ctx, { facts, readAt: performance.now() });
  return facts;
}

/** Drops this instance's cached closures: call once a closure change has committed. */
export function forgetCalendarFacts(ctx: AppContext): void {
  cached.delete(ctx);
}
