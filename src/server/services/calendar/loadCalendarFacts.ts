import { buildHolidayTable } from '../../../domain/calendar/buildHolidayTable.ts';
import type { CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import { koreanHolidayPresets } from '../../../domain/calendar/koreanHolidayPresets.ts';
import type { AppContext } from '../../appContext.ts';
import { closureRepository } from '../../repositories/closureRepository.ts';

// Business hours from the guide: weekdays 09:00–18:00 Asia/Seoul (평일 / 09 ~ 18).
const OPEN_MINUTE = 9 * 60;
const CLOSE_MINUTE = 18 * 60;
const holidays = buildHolidayTable(koreanHolidayPresets);

/**
 * The facts the pure calendar decides on: public holidays from the gazette data and the company
 * closures stored in the database. Read per call so a closure an admin adds applies at once,
 * on every instance.
 */
export async function loadCalendarFacts(ctx: AppContext): Promise<CalendarFacts> {
  const rows = await closureRepository.list(ctx.database.db);
  return {
    openMinute: OPEN_MINUTE,
    closeMinute: CLOSE_MINUTE,
    holidays,
    closures: rows.map((row) => ({ date: row.date, name: row.name })),
  };
}
