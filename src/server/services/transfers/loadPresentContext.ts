import type { AppContext } from '../../appContext.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import type { PresentContext } from './presentTransfer.ts';
import { transferInquiryTypes } from './transferInquiryTypes.ts';

/** The clock, calendar and labels every transfer response is computed with, read once per request. */
export async function loadPresentContext(ctx: AppContext): Promise<PresentContext> {
  return {
    now: ctx.now(),
    fieldCodec: ctx.fieldCodec,
    facts: await loadCalendarFacts(ctx),
    inquiryTypes: transferInquiryTypes(ctx),
    guides: ctx.guides,
  };
}
