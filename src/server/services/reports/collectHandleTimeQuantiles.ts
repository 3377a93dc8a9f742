import { DAY_MS, seoulDateKey } from '../../../domain/calendar/toSeoulDay.ts';
import {
  type HistogramBin,
  interpolateQuantile,
  planQuantile,
  type RankInBin,
} from '../../../domain/report/planQuantile.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { ReportWindow } from '../../repositories/reportRepository.ts';
import { type HandleTimeRead, reportRollupRepository } from '../../repositories/reportRollupRepository.ts';

/** Median and p90 handle time (seconds) of one bucket; null where no consultation completed. */
export type HandleTimeQuantiles = { median: number | null; p90: number | null };

const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/**
 * The exact median and p90 handle time per bucket and for the whole range ('' key) of a report
 * without filters, from the handle-time rollup: the histogram locates each quantile's two closest
 * ranks, and only those values are read from consultations through the (day, handle time) index.
 * The result is percentile_cont's over the same consultations.
 */
export async function collectHandleTimeQuantiles(
  db: Database,
  window: ReportWindow,
  range: { from: string; to: string; groupBy: 'day' | 'week' },
): Promise<Map<string, HandleTimeQuantiles>> {
  const rows = await reportRollupRepository.handleTimeBins(db, window, range.groupBy);
  const binsByBucket = new Map<string, HistogramBin[]>();
  const totalByFloor = new Map<number, HistogramBin>();
  for (const row of rows) {
    const bin = { floor: row.floor, width: row.width, count: row.count };
    binsByBucket.set(row.bucket, [...(binsByBucket.get(row.bucket) ?? []), bin]);
    const total = totalByFloor.get(row.floor);
    totalByFloor.set(row.floor, { ...bin, count: (total?.count ?? 0) + row.count });
  }
  const first = dayNumber(range.from);
  const last = dayNumber(range.to);
  const targets: Array<{ key: string; fromDay: string; toDay: string; bins: HistogramBin[] }> = [
    {
      key: '',
      fromDay: range.from,
      toDay: range.to,
      bins: [...totalByFloor.values()].sort((a, b) => a.floor - b.floor),
    },
  ];
  for (const [key, bins] of binsByBucket) {
    const start = dayNumber(key);
    const end = range.groupBy === 'week' ? start + 6 : start;
    targets.push({
      key,
      fromDay: seoulDateKey(Math.max(start, first)),
      toDay: seoulDateKey(Math.min(end, last)),
      bins,
    });
  }

  // Every read once; a read returns its rank's value and the next one in the bin, so the two
  // closest ranks of a quantile usually share one read.
  const reads = new Map<string, HandleTimeRead>();
  const readOf = (target: (typeof targets)[number], rank: RankInBin): number => {
    const id = `${target.fromDay}|${target.toDay}|${rank.floor}|${rank.offset}`;
    const existing = reads.get(id);
    if (existing) return existing.id;
    const read = { id: reads.size, fromDay: target.fromDay, toDay: target.toDay, ...rank };
    reads.set(id, read);
    return read.id;
  };
  type Pick = { read: number; index: 0 | 1 };
  const plans = targets.map((target) => {
    const plan = (q: number) => {
      const located = planQuantile(target.bins, q);
      if (!located) return null;
      const low: Pick = { read: readOf(target, located.lower), index: 0 };
      const sameRead =
        located.upper.floor === located.lower.floor && located.upper.offset - located.lower.offset <= 1;
      const high: Pick = sameRead
        ? { read: low.read, index: located.upper.offset === located.lower.offset ? 0 : 1 }
        : { read: readOf(target, located.upper), index: 0 };
      return { low, high, fraction: located.fraction };
    };
    return { key: target.key, median: plan(0.5), p90: plan(0.9) };
  });
  const values = await reportRollupRepository.handleTimeValues(db, [...reads.values()]);
  const valueAt = (pick: Pick): number => {
    const value = values.get(pick.read)?.[pick.index];
    // A value missing from its bin means the rollup disagrees with the table: say so, never guess.
    if (value === undefined) {
      throw new Error(
        'report_handle_time_days is out of step with consultations; run `npx ieum reports rebuild`',
      );
    }
    return value;
  };
  const quantileOf = (plan: { low: Pick; high: Pick; fraction: number } | null): number | null =>
    plan ? interpolateQuantile(valueAt(plan.low), valueAt(plan.high), plan.fraction) : null;
  return new Map(
    plans.map((plan) => [plan.key, { median: quantileOf(plan.median), p90: quantileOf(plan.p90) }]),
  );
}
