import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import {
  agentWorkConditions,
  consultationConditions,
  type ReportFilter,
  type ReportWindow,
} from './reportRepository.ts';

const count = z.coerce.number().int();

/** The Seoul date of an instant, as the rollups' `day` (UTC+9 all year since 1988). */
const seoulDate = (at: Date) =>
  sql`((${at.toISOString()}::timestamptz at time zone 'UTC') + interval '9 hours')::date`;

/** The rollup day range of a report window: Seoul midnight `start` to Seoul midnight `end`. */
const dayRange = (window: ReportWindow) =>
  sql`c.day >= ${seoulDate(window.start)} and c.day < ${seoulDate(window.end)}`;

/**
 * A rollup day's bucket: the date, or the Monday of its ISO week. Rows are grouped by this date and
 * only the groups are formatted (`bucketKey`): grouping by the formatted text cost twice as much.
 */
function dayBucket(groupBy: 'day' | 'week'): SQL {
  return groupBy === 'week' ? sql`(c.day - (extract(isodow from c.day)::int - 1))` : sql`c.day`;
}

/** A bucket date as the report's key ('YYYY-MM-DD'). */
const bucketKey = (bucket: SQL) => sql`to_char(${bucket}::timestamp, 'YYYY-MM-DD')`;

const all = (conditions: SQL[]): SQL =>
  conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);

const countRow = z.object({
  bucket: z.string().nullable(),
  started: count,
  completed: count,
  abandoned: count,
  open: count,
  transferred: count,
});

const binRow = z.object({
  bucket: z.string(),
  floor: z.coerce.number(),
  width: z.coerce.number(),
  count,
});

const valuesRow = z.object({ id: z.coerce.number().int(), values: z.array(z.coerce.number()) });

/**
 * Exact values to read: the `offset`th (ascending) completed handle time in [floor, floor + width)
 * of consultations started from `fromDay` to `toDay`, and the one after it in the bin if any.
 */
export type HandleTimeRead = {
  id: number;
  fromDay: string;
  toDay: string;
  floor: number;
  width: number;
  offset: number;
};

/**
 * The same expressions as index consultations_handle_by_day_idx (migration 0020; since 0025 it
 * includes the start and completion, so a read uses the index alone), so the planner uses it.
 */
const handleDay = sql`(((c.started_at at time zone 'UTC') + interval '9 hours')::date)`;
const handleSeconds = sql`((extract(epoch from c.completed_at - c.started_at))::double precision)`;

/**
 * Reads of the report rollups (report_consultation_days, report_handle_time_days): what the summary
 * needs by day or week without scanning the consultations of the range.
 */
export const reportRollupRepository = {
  /** Consultations by status (and transferred) per bucket, with the range's total row (bucket null). */
  consultationCounts: (db: Database, filter: ReportFilter, window: ReportWindow, groupBy: 'day' | 'week') => {
    const bucket = dayBucket(groupBy);
    return queryRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucketKey(bucket)} end as bucket,
          coalesce(sum(c.consultations), 0) as started,
          coalesce(sum(c.consultations) filter (where c.status = 'completed'), 0) as completed,
          coalesce(sum(c.consultations) filter (where c.status = 'abandoned'), 0) as abandoned,
          coalesce(sum(c.consultations) filter (where c.status = 'open'), 0) as open,
          coalesce(sum(c.consultations) filter (where c.status = 'completed' and c.transferred), 0) as transferred
        from report_consultation_days c
        where ${dayRange(window)} and ${all([...consultationConditions(filter), ...agentWorkConditions(filter)])}
        group by grouping sets ((${bucket}), ())`,
      countRow,
    );
  },

  /**
   * Eligible and repeated completions per bucket and in total (every filter unset): a completion on
   * day d repeated when its caller's next contact came at most `span` days after d, where d + span
   * is the last day of d's repeat window (a window ends at a Seoul midnight).
   */
  repeatCounts: (
    db: Database,
    window: ReportWindow,
    groupBy: 'day' | 'week',
    spans: ReadonlyArray<{ day: string; span: number }>,
  ) => {
    const bucket = dayBucket(groupBy);
    return queryRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucketKey(bucket)} end as bucket,
          coalesce(sum(c.completed), 0) as eligible,
          coalesce(sum(c.completed) filter (where c.gap_days <= w.span), 0) as repeated
        from report_repeat_days c
        left join jsonb_to_recordset(${JSON.stringify(spans)}::jsonb) as w(day date, span int)
          on w.day = c.completed_on
        where ${dayRange(window)}
        group by grouping sets ((${bucket}), ())`,
      z.object({ bucket: z.string().nullable(), eligible: count, repeated: count }),
    );
  },

  /**
   * The report's script paths, most consultations first: each path's identity, its completed
   * consultations in the range and how many of them have a completion time. Guide, type and outcome
   * are part of a path, so those filters apply here; channel and agent are not kept.
   */
  pathCounts: (
    db: Database,
    filter: Pick<ReportFilter, 'guideId' | 'inquiryType' | 'outcome'>,
    window: ReportWindow,
    limit: number,
  ) =>
    queryRows(
      db,
      sql`
        select c.path_key as "pathKey", min(c.guide_id) as "guideId", min(c.script_id) as "scriptId",
          min(c.inquiry_type) as "inquiryType", min(c.outcome) as outcome, (array_agg(c.path))[1] as path,
          sum(c.completed) as count, sum(c.timed) as timed
        from report_path_days c
        where ${dayRange(window)} and ${all(consultationConditions(filter))}
        group by c.path_key
        having sum(c.completed) > 0
        order by sum(c.completed) desc, c.path_key
        limit ${limit}`,
      z.object({
        pathKey: z.string(),
        guideId: z.string(),
        scriptId: z.string().nullable(),
        inquiryType: z.union([z.null(), z.coerce.number().int()]),
        outcome: z.string().nullable(),
        path: z.unknown(),
        count,
        timed: count,
      }),
    ),

  /**
   * Handle times of one path at given ranks (0-based, ascending, among its consultations started in
   * the window with a completion time), read in order through consultations_path_handle_idx from
   * the first rank to the last: one walk per path, only the asked ranks returned.
   */
  pathHandleTimes: async (
    db: Database,
    window: ReportWindow,
    reads: ReadonlyArray<{ id: number; pathKey: string; ranks: number[] }>,
  ) => {
    if (reads.length === 0) return new Map<number, number[]>();
    const json = JSON.stringify(
      reads.map((read) => {
        const first = Math.min(...read.ranks);
        const last = Math.max(...read.ranks);
        return {
          id: read.id,
          key: read.pathKey,
          k: first,
          n: last - first + 1,
          at: read.ranks.map((rank) => rank - first + 1),
        };
      }),
    );
    const rows = await queryRows(
      db,
      sql`
        select q.id, array(select w.a[x.i] from unnest(q.at) with ordinality as x(i, o) order by x.o) as values
        from jsonb_to_recordset(${json}::jsonb) as q(id int, key text, k int, n int, at int[]),
          lateral (select array(
            select ${handleSeconds} from consultations c
            where c.status = 'completed' and not c.by_bot
              and c.path_key = q.key
              and ${handleSeconds} is not null
              and c.started_at >= ${window.start} and c.started_at < ${window.end}
            order by 1 offset q.k limit q.n
          ) as a) w`,
      valuesRow,
    );
    return new Map(rows.map((row) => [row.id, row.values]));
  },

  /**
   * Transfers, leads and callbacks (every filter unset) per bucket and measure/detail, with each
   * measure/detail's total over the range (bucket null). Rows that cancelled out are left out.
   */
  activityCounts: (db: Database, window: ReportWindow, groupBy: 'day' | 'week') => {
    const bucket = dayBucket(groupBy);
    return queryRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucketKey(bucket)} end as bucket,
          c.measure, c.detail, sum(c.count) as count
        from report_activity_days c
        where ${dayRange(window)}
        group by grouping sets ((${bucket}, c.measure, c.detail), (c.measure, c.detail))
        having sum(c.count) <> 0`,
      z.object({ bucket: z.string().nullable(), measure: z.string(), detail: z.string(), count }),
    );
  },

  /**
   * Transfers filed in the window still without a first response whose due time fell today (Seoul)
   * before `now`, per filing bucket and in total: the breaches the day rollup cannot tell.
   */
  openDueToday: (db: Database, window: ReportWindow, groupBy: 'day' | 'week', todayStart: Date) => {
    const local = sql`((t.created_at at time zone 'UTC') + interval '9 hours')`;
    const bucket =
      groupBy === 'week'
        ? sql`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`
        : sql`to_char(${local}, 'YYYY-MM-DD')`;
    return queryRows(
      db,
      sql`
        select case when grouping(${bucket}) = 1 then null else ${bucket} end as bucket, count(*) as count
        from transfers t
        where t.contacted_at is null and t.closed_at is null
          and t.due_at >= ${todayStart} and t.due_at < ${window.now}
          and t.created_at >= ${window.start} and t.created_at < ${window.end}
        group by grouping sets ((${bucket}), ())`,
      z.object({ bucket: z.string().nullable(), count }),
    );
  },

  /** The handle-time histogram of agents' completed consultations (every filter unset) per bucket. */
  handleTimeBins: (db: Database, window: ReportWindow, groupBy: 'day' | 'week') => {
    const bucket = dayBucket(groupBy);
    return queryRows(
      db,
      sql`
        select ${bucketKey(bucket)} as bucket, c.bin_floor as floor, c.bin_width as width, sum(c.completed) as count
        from report_handle_time_days c
        where ${dayRange(window)}
        group by ${bucket}, c.bin_floor, c.bin_width
        having sum(c.completed) > 0
        order by ${bucket}, c.bin_floor`,
      binRow,
    );
  },

  /**
   * Exact handle times at given ranks within their bins, read through the (day, handle time) index:
   * a bin of a year touches only that bin's entries of each day. Agents' consultations only, as
   * the histogram counts them (the index leaves the bot's out: `not by_bot` matches its predicate).
   */
  handleTimeValues: async (db: Database, reads: readonly HandleTimeRead[]) => {
    if (reads.length === 0) return new Map<number, number[]>();
    const json = JSON.stringify(
      reads.map((read) => ({
        id: read.id,
        from_day: read.fromDay,
        to_day: read.toDay,
        lo: read.floor,
        hi: read.floor + read.width,
        k: read.offset,
      })),
    );
    // The days as an array (= ANY): the btree then probes (day, bin) per day instead of scanning
    // every entry between the first day's bin and the last day's.
    const rows = await queryRows(
      db,
      sql`
        select q.id, array(
          select ${handleSeconds} from consultations c
          where c.status = 'completed' and not c.by_bot
            and ${handleDay} = any (array(select generate_series(q.from_day, q.to_day, interval '1 day')::date))
            and ${handleSeconds} >= q.lo and ${handleSeconds} < q.hi
          order by 1 offset q.k limit 2
        ) as values
        from jsonb_to_recordset(${json}::jsonb) as q(id int, from_day date, to_day date, lo float8, hi float8, k int)`,
      valuesRow,
    );
    return new Map(rows.map((row) => [row.id, row.values]));
  },
};
