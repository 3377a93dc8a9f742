import { z } from 'zod';
import { requestDateSchema } from '../../../contract/common/requestDateSchemas.ts';
import { leadStatuses } from '../../../domain/lead/leadStatuses.ts';
import type { AppContext } from '../../appContext.ts';
import { can } from '../../policies.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { type LeadView, presentLead } from './presentLead.ts';

const csv = <T extends string>(values: readonly [T, ...T[]], label: string) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `${label}은(는) ${values.join(', ')} 중에서 고르세요` })));

/** Query of GET /leads. */
export const listLeadsQuerySchema = z.object({
  status: csv(leadStatuses, 'status')
    .optional()
    .describe('Comma-separated: new,brochure-sent,called,won,lost'),
  callback: z
    .enum(['due', 'pending'])
    .optional()
    .describe("'due': the callback time has come (incl. overdue)"),
  assignee: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .describe("The transfer's assignee, or 'me'"),
  from: requestDateSchema('from은 YYYY-MM-DD 형식이어야 합니다')
    .optional()
    .describe('Filed on or after this Seoul date'),
  to: requestDateSchema('to는 YYYY-MM-DD 형식이어야 합니다')
    .optional()
    .describe('Filed on or before this Seoul date'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Parsed query of GET /leads. */
export type ListLeadsQuery = z.output<typeof listLeadsQuerySchema>;

/** The Seoul midnight starting a 'YYYY-MM-DD' date, plus `days`. */
export function seoulMidnight(date: string, days = 0): Date {
  const at = new Date(`${date}T00:00:00+09:00`);
  return new Date(at.getTime() + days * 86_400_000);
}

/**
 * A page of leads, masked, callbacks due first. Agents without lead:read-all see the leads they
 * filed only.
 */
export async function listLeads(
  ctx: AppContext,
  user: PublicUser,
  query: ListLeadsQuery,
): Promise<{ items: LeadView[]; total: number; limit: number; offset: number }> {
  const now = ctx.now();
  const { items, total } = await leadRepository.list(
    ctx.database.db,
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
  const context = { now, fieldKeys: ctx.fieldKeys, facts: await loadCalendarFacts(ctx) };
  return {
    items: items.map((item) => presentLead(item, context)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
