import type { ListTransfersQuery } from '../../../contract/transfers/listTransfersQuerySchema.ts';
import type { TransferPage } from '../../../contract/transfers/transferPageSchema.ts';
import { seoulMidnight } from '../../../domain/calendar/seoulMidnight.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { can } from '../../policies.ts';
import { type TransferFilter, transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { presentTransfer } from './presentTransfer.ts';

/**
 * The queue, most urgent first (then the contacted and closed ones, newest first), filtered by
 * status, inquiry type, kind, assignee (a person, mine, nobody, or a disabled account), overdue and filing date, with SLA time left in business
 * minutes. Agents only ever see transfers they filed. The server's own words are in `locale`.
 */
export async function listTransfers(
  ctx: AppContext,
  user: PublicUser,
  query: ListTransfersQuery,
  locale: Locale = 'ko',
): Promise<TransferPage> {
  const context = { ...(await loadPresentContext(ctx)), locale };
  const onlyMine = query.scope === 'mine' || !can(user.role, 'transfer:read-all');
  const filter: TransferFilter = {
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.guideId ? { guideIds: query.guideId } : {}),
    ...(query.inquiryType ? { inquiryTypes: query.inquiryType } : {}),
    ...(query.assignee === 'me' ? { assigneeId: user.id } : {}),
    ...(query.assignee === 'none' ? { assigneeId: null } : {}),
    ...(query.assignee === 'disabled' ? { assigneeDisabled: true as const } : {}),
    ...(query.assignee &&
    query.assignee !== 'me' &&
    query.assignee !== 'none' &&
    query.assignee !== 'disabled'
      ? { assigneeId: query.assignee }
      : {}),
    ...(query.overdue ? { overdueAt: context.now } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(onlyMine ? { filedBy: user.id } : {}),
    ...(query.from ? { createdFrom: seoulMidnight(query.from) } : {}),
    ...(query.to ? { createdBefore: seoulMidnight(query.to, 1) } : {}),
  };
  const { rows, total } = await transferRepository.list(
    ctx.database.db,
    ctx.fieldCodec,
    filter,
    { limit: query.limit, offset: query.offset },
    query.sort,
  );
  return {
    items: rows.map((row) => presentTransfer(row, context)),
    total,
    limit: query.limit,
    offset: query.offset,
    asOf: context.now.toISOString(),
  };
}
