import type { BusinessHours } from '../../../contract/business-hours/businessHoursSchema.ts';
import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import type { AppContext } from '../../appContext.ts';
import { loadCalendarFacts } from './loadCalendarFacts.ts';

/** Whether the business support line is open at `at` (default now), why, and when it next opens. */
export async function getBusinessHours(ctx: AppContext, at?: Date): Promise<BusinessHours> {
  const decision = decideBusinessHours(at ?? ctx.now(), await loadCalendarFacts(ctx));
  return { ...decision, nextOpenAt: formatSeoulIso(decision.nextOpenAt) };
}
