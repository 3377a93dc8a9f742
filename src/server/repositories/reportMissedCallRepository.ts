import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { openRow } from '../crypto/openRow.ts';
import { calls } from '../db/ctiSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import { users } from '../db/schema.ts';
import type { CallRow } from './callRepository.ts';
import type { RecordPaging, RecordScope, ReportFilter } from './reportRepository.ts';
import { sealedTables } from './sealedTables.ts';

const count = z.coerce.number().int();

/** Which missed-callback figure's records to list. */
export type MissedCallbackFigure = 'due' | 'overdue';

/**
 * A missed call carries no guide, inquiry type, agent or outcome: a report narrowed by any of
 * them, or to another channel than calls, holds none.
 */
function callConditions(filter: ReportFilter): SQL[] {
  const narrowed =
    filter.guideId !== undefined ||
    filter.inquiryType !== undefined ||
    filter.agentId !== undefined ||
    filter.outcome !== undefined ||
    (filter.channel !== undefined && filter.channel !== 'call');
  return narrowed ? [sql`false`] : [];
}

const all = (conditions: SQL[]): SQL =>
  conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);

/**
 * Due: a callback (open or done) whose due time falls in the scope. Overdue: still open, due before
 * `now`, for a call that came before the scope's end. A callback closed because its number was
 * erased is neither: nobody is left to call.
 */
function figureCondition(figure: MissedCallbackFigure, scope: RecordScope, now: Date): SQL {
  return figure === 'due'
    ? sql`x.callback_status in ('open', 'done') and x.callback_due_at >= ${scope.start} and x.callback_due_at < ${scope.end}`
    : sql`x.callback_status = 'open' and x.callback_due_at < ${now} and x.started_at < ${scope.end}`;
}

/**
 * The missed calls' callbacks (CTI, the business queue's 부재중 전화) for the supervisors' figures,
 * beside the sign-up leads' callbacks: counts by ids, status and times only (calls_callback_idx);
 * a drill-down reads its page of calls with the numbers opened to be masked.
 */
export const reportMissedCallRepository = {
  counts: async (db: Database, filter: ReportFilter, scope: RecordScope, now: Date) => {
    const rows = await queryRows(
      db,
      sql`
        select count(*) filter (where ${figureCondition('due', scope, now)}) as due,
          count(*) filter (where ${figureCondition('overdue', scope, now)}) as overdue
        from calls x
        where x.callback_status is not null and ${all(callConditions(filter))}`,
      z.object({ due: count, overdue: count }),
    );
    return rows[0] ?? { due: 0, overdue: 0 };
  },

  /** The calls behind a figure, by due time (overdue: the longest overdue first), with the total. */
  callIds: (
    db: Database,
    filter: ReportFilter,
    figure: MissedCallbackFigure,
    scope: RecordScope,
    now: Date,
    paging: RecordPaging,
  ) =>
    queryRows(
      db,
      sql`
        select x.id, count(*) over () as total
        from calls x
        where x.callback_status is not null and ${figureCondition(figure, scope, now)}
          and ${all(callConditions(filter))}
        order by x.callback_due_at ${figure === 'due' ? sql`desc` : sql`asc`}, x.id
        limit ${paging.limit} offset ${paging.offset}`,
      z.object({ id: z.string(), total: count }),
    ),

  /** Calls by id, numbers opened, with who called back. */
  loadCalls: async (
    db: Database,
    codec: FieldCodec,
    ids: readonly string[],
  ): Promise<Array<{ call: CallRow; doneByName: string | null }>> => {
    if (ids.length === 0) return [];
    const rows = await db
      .select({ call: calls, doneByName: users.name })
      .from(calls)
      .leftJoin(users, eq(users.id, calls.callbackDoneBy))
      .where(inArray(calls.id, [...ids]));
    return rows.map((row) => ({
      call: openRow(codec, sealedTables.calls, row.call),
      doneByName: row.doneByName,
    }));
  },
};
