import type { LeadFunnelQuery } from '../../../contract/leads/leadFunnelQuerySchema.ts';
import { seoulMidnight } from '../../../domain/calendar/seoulMidnight.ts';
import { type LeadFunnel, summarizeLeadFunnel } from '../../../domain/lead/summarizeLeadFunnel.ts';
import type { AppContext } from '../../appContext.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';

/** Most leads one funnel reads; narrow the dates beyond that. */
const FUNNEL_MAX_LEADS = 50_000;

/**
 * The supervisor's funnel for leads filed between two Seoul dates (default: the last 12 weeks): by
 * status and by week, with the median time from intake to brochure sent and to the first call.
 */
export async function getLeadFunnel(
  ctx: AppContext,
  query: LeadFunnelQuery,
): Promise<LeadFunnel & { from: string; to: string }> {
  const now = ctx.now();
  const today = new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  const to = query.to ?? today;
  const from =
    query.from ?? new Date(seoulMidnight(to, -83).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  const { items } = await leadRepository.list(
    ctx.database.db,
    ctx.fieldCodec,
    { now, createdFrom: seoulMidnight(from), createdBefore: seoulMidnight(to, 1) },
    { limit: FUNNEL_MAX_LEADS, offset: 0 },
  );
  const funnel = summarizeLeadFunnel(
    items.map(({ lead }) => ({
      status: lead.status,
      createdAt: lead.createdAt,
      brochureSentAt: lead.brochureSentAt,
      firstCalledAt: lead.firstCalledAt,
    })),
    await loadCalendarFacts(ctx),
  );
  return { ...funnel, from, to };
}
