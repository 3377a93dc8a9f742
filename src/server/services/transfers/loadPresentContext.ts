import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { findGuideVersion } from '../guides/findGuideVersion.ts';
import { loadWebhookSubscriptions } from '../webhooks/loadWebhookSubscriptions.ts';
import type { PresentContext } from './presentTransfer.ts';
import { transferInquiryTypes } from './transferInquiryTypes.ts';

/**
 * The clock, calendar and labels every transfer response is computed with, and the webhook
 * subscriptions its changes are announced to, read once per request (both cached per instance).
 * With `locale` (the request's), the server's own words in the answer are in that language.
 */
export async function loadPresentContext(ctx: AppContext, locale?: Locale): Promise<PresentContext> {
  return {
    ...(locale ? { locale } : {}),
    now: ctx.now(),
    fieldCodec: ctx.fieldCodec,
    facts: await loadCalendarFacts(ctx),
    inquiryTypes: transferInquiryTypes(ctx),
    guides: ctx.guides,
    guideAt: (db, guideId, version) => findGuideVersion(ctx, db, guideId, version),
    webhooks: await loadWebhookSubscriptions(ctx),
  };
}
