import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import type { AppContext } from '../../appContext.ts';
import { loadCalendarFacts } from './loadCalendarFacts.ts';

/** The public shape of a business-hours decision (GET /api/v1/business-hours). */
export type BusinessHoursView = {
  open: boolean;
  reason: 'open' | 'weekend' | 'holiday' | 'closure' | 'before-hours' | 'after-hours';
  holiday: string | null;
  nextOpenAt: string;
  holidayDataMissing: boolean;
};

/** Whether the business support line is open at `at` (default now), why, and when it next opens. */
export async function getBusinessHours(ctx: AppContext, at?: Date): Promise<BusinessHoursView> {
  const decision = decideBusinessHours(at ?? ctx.now(), await loadCalendarFacts(ctx));
  return { ...decision, nextOpenAt: formatSeoulIso(decision.nextOpenAt) };
}
