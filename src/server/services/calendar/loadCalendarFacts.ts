import { buildHolidayTable } from '../../../domain/calendar/buildHolidayTable.ts';
import type { CalendarClosure, CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import { koreanHolidayPresets } from '../../../domain/calendar/koreanHolidayPresets.ts';
import { minutesOfDay } from '../../../domain/calendar/minutesOfDay.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { closureRepository } from '../../repositories/closureRepository.ts';

const holidays = buildHolidayTable(koreanHolidayPresets);

/** Event type every closure change publishes (src/server/services/closures/manageClosures.ts). */
const CLOSURE_CHANGED = 'closure.changed';
// The header badge asks for business hours every minute on every screen, and every transfer answer
// computes due times: closures change a few times a year. A change is heard at once over NOTIFY on
// every instance; the age limit only covers a change made behind the app's back.
const MAX_AGE_MS = 60_000;

/** The closures as last read, and the facts made from them per guide (one object per guide, reused). */
type Snapshot = {
  closures: ReadonlyArray<CalendarClosure>;
  readAt: number;
  byGuide: WeakMap<Guide, CalendarFacts>;
};

const cached = new WeakMap<AppContext, Snapshot>();
const listening = new WeakSet<AppContext>();

/**
 * The facts the pure calendar decides on: the hours of a guide's support line (`supportLine.hours`,
 * e.g. 평일 / 09 ~ 18), public holidays from the gazette data and the company closures stored in the
 * database, kept in memory until a closure changes (on any instance), so a closure an admin adds
 * applies at once everywhere. Without a guide, the default guide's hours: the company's business
 * day, which the business team's due times (transfers, lead callbacks, missed calls) run on.
 */
export async function loadCalendarFacts(
  ctx: AppContext,
  guide: Guide = ctx.guides.defaultGuide(),
): Promise<CalendarFacts> {
  if (!listening.has(ctx)) {
    listening.add(ctx);
    ctx.events.subscribe((event) => {
      if (event.type === CLOSURE_CHANGED) cached.delete(ctx);
    });
  }
  let snapshot = cached.get(ctx);
  // While the LISTEN connection is down a change elsewhere would go unheard: read through until it is back.
  if (!snapshot || !ctx.database.listening() || performance.now() - snapshot.readAt >= MAX_AGE_MS) {
    const rows = await closureRepository.list(ctx.database.db);
    snapshot = {
      closures: rows.map((row) => ({ date: row.date, name: row.name })),
      readAt: performance.now(),
      byGuide: new WeakMap(),
    };
    cached.set(ctx, snapshot);
  }
  const known = snapshot.byGuide.get(guide);
  if (known) return known;
  const { opens, closes } = guide.supportLine.hours;
  const facts: CalendarFacts = {
    openMinute: minutesOfDay(opens),
    closeMinute: minutesOfDay(closes),
    holidays,
    closures: snapshot.closures,
  };
  snapshot.byGuide.set(guide, facts);
  return facts;
}

/** Drops this instance's cached closures: call once a closure change has committed. */
export function forgetCalendarFacts(ctx: AppContext): void {
  cached.delete(ctx);
}
