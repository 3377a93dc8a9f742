import { z } from 'zod';
import { transferStatuses } from '../../../domain/transfer/transferStatuses.ts';
import type { AppContext } from '../../appContext.ts';
import { can } from '../../policies.ts';
import { type TransferFilter, transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { presentTransfer, type TransferView } from './presentTransfer.ts';

// Filters take comma-separated lists (?status=received,in-progress), which read well in links.
const csv = z.string().transform((text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** Query of GET /transfers. */
export const listTransfersQuerySchema = z.object({
  status: csv
    .pipe(z.array(z.enum(transferStatuses)))
    .optional()
    .describe('Comma-separated statuses, e.g. received,in-progress'),
  inquiryType: csv
    .pipe(
      z.array(
        z
          .string()
          .regex(/^\d{1,2}$/, '숫자여야 합니다')
          .transform(Number),
      ),
    )
    .optional()
    .describe('Comma-separated inquiry types'),
  assignee: z
    .union([z.literal('me'), z.literal('none'), z.uuid()])
    .optional()
    .describe("'me', 'none' (unassigned) or a user id"),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('Only transfers past their business-hours due time (or retry time)'),
  kind: z.enum(['transfer', 'lead']).optional(),
  scope: z
    .enum(['mine', 'all'])
    .optional()
    .describe("'mine': transfers I filed. Default: all for the business team, mine for agents"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** Parsed query of GET /transfers. */
export type ListTransfersQuery = z.output<typeof listTransfersQuerySchema>;

/** A page of the queue. */
export type TransferPage = {
  items: TransferView[];
  total: number;
  limit: number;
  offset: number;
  asOf: string;
};

/**
 * The queue, most urgent first, filtered by status, inquiry type, assignee and overdue, with SLA
 * time left in business minutes. Agents only ever see transfers they filed.
 */
export async function listTransfers(
  ctx: AppContext,
  user: PublicUser,
  query: ListTransfersQuery,
): Promise<TransferPage> {
  const context = await loadPresentContext(ctx);
  const onlyMine = query.scope === 'mine' || !can(user.role, 'transfer:read-all');
  const filter: TransferFilter = {
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.inquiryType ? { inquiryTypes: query.inquiryType } : {}),
    ...(query.assignee === 'me' ? { assigneeId: user.id } : {}),
    ...(query.assignee === 'none' ? { assigneeId: null } : {}),
    ...(query.assignee && query.assignee !== 'me' && query.assignee !== 'none'
      ? { assigneeId: query.assignee }
      : {}),
    ...(query.overdue ? { overdueAt: context.now } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(onlyMine ? { filedBy: user.id } : {}),
  };
  const { rows, total } = await transferRepository.list(ctx.database.db, filter, {
    limit: query.limit,
    offset: query.offset,
  });
  return {
    items: rows.map((row) => presentTransfer(row, context)),
    total,
    limit: query.limit,
    offset: query.offset,
    asOf: context.now.toISOString(),
  };
}
