import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { ListLeadsQuery } from '../../../contract/leads/listLeadsQuerySchema.ts';
import { seoulMidnight } from '../../../domain/calendar/seoulMidnight.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { can } from '../../policies.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { presentLead } from './presentLead.ts';

/**
 * A page of leads, masked, callbacks due first. Agents without lead:read-all see the leads they
 * filed only.
 */
export async function listLeads(
  ctx: AppContext,
  user: PublicUser,
  query: ListLeadsQuery,
  locale: Locale = 'ko',
): Promise<{ items: Lead[]; total: number; limit: number; offset: number }> {
  const now = ctx.now();
  const { items, total } = await leadRepository.list(
    ctx.database.db,
    ctx.fieldCodec,
    {
      now,
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.callback ? { callback: query.callback } : {}),
      ...(query.assignee ? { assigneeId: query.assignee === 'me' ? user.id : query.assignee } : {}),
      ...(can(user.role, 'lead:read-all') ? {} : { filedBy: user.id }),
      ...(query.from ? { createdFrom: seoulMidnight(query.from) } : {}),
      ...(query.to ? { createdBefore: seoulMidnight(query.to, 1) } : {}),
    },
    { limit: query.limit, offset: query.offset },
  );
  const context = { now, facts: await loadCalendarFacts(ctx), locale };
  return {
    items: items.map((item) => presentLead(item, context)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
