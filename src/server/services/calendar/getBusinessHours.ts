import type { BusinessHours } from '../../../contract/business-hours/businessHoursSchema.ts';
import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { loadCalendarFacts } from './loadCalendarFacts.ts';

/**
 * Whether a guide's support line (default: the default guide's) is open at `at` (default now), why,
 * and when it next opens. Each guide keeps its own hours: a call on another guide is routed by them.
 */
export async function getBusinessHours(
  ctx: AppContext,
  options: { at?: Date | undefined; guideId?: string | undefined } = {},
): Promise<BusinessHours> {
  const guide = options.guideId === undefined ? ctx.guides.defaultGuide() : ctx.guides.get(options.guideId);
  if (!guide) {
    throw new AppError('validation-failed', msg('common.guideNotFound', { id: String(options.guideId) }), [
      { where: 'querystring/guideId', message: msg('common.guideNotFoundDetail') },
    ]);
  }
  const decision = decideBusinessHours(options.at ?? ctx.now(), await loadCalendarFacts(ctx, guide));
  const { name, phone, hours } = guide.supportLine;
  return {
    ...decision,
    nextOpenAt: formatSeoulIso(decision.nextOpenAt),
    // What the answer was decided on, so a screen states the hours from the guide, not from its own copy.
    line: { guideId: guide.id, name, phone, days: hours.days, opens: hours.opens, closes: hours.closes },
  };
}
