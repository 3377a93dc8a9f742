import { buildHolidayTable } from '../../src/domain/calendar/buildHolidayTable.ts';
import type { CalendarFacts } from '../../src/domain/calendar/CalendarFacts.ts';
import { koreanHolidayPresets } from '../../src/domain/calendar/koreanHolidayPresets.ts';

/** Calendar facts for tests: 09:00–18:00 with the bundled 2018–2027 holidays, overridable. */
export function buildCalendarFacts(overrides: Partial<CalendarFacts> = {}): CalendarFacts {
  return {
    openMinute: 540,
    closeMinute: 1080,
    holidays: buildHolidayTable(koreanHolidayPresets),
    closures: [],
    ...overrides,
  };
}
