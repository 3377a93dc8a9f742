import { interpolateQuantile } from '../../../domain/report/planQuantile.ts';
import type { Database } from '../../db/openDatabase.ts';
import { reportRepository } from '../../repositories/reportRepository.ts';
import { reportRollupRepository } from '../../repositories/reportRollupRepository.ts';
import type { ResolvedReport } from './resolveReportWindow.ts';

/** Handle time of one script path: its identity, completed consultations, median and p90 (seconds). */
export type PathHandleTime = {
  guideId: string;
  scriptId: string | null;
  inquiryType: number | null;
  outcome: string | null;
  path: unknown;
  count: number;
  median: number | null;
  p90: number | null;
};

/** The report lists this many paths, those with the most consultations. */
const PATH_LIMIT = 200;

/** The two ranks (0-based) percentile_cont(q) interpolates between over `n` values, and the fraction. */
function ranksOf(n: number, q: number): { lower: number; upper: number; fraction: number } {
  const position = (n - 1) * q;
  return {
    lower: Math.floor(position),
    upper: Math.ceil(position),
    fraction: position - Math.floor(position),
  };
}

/**
 * Median and p90 handle time per script path. The paths and their counts come from the
 * report_path_days rollup (guide, type and outcome are part of a path, so those filters apply there)
 * and each path's four ranks are read in one ordered walk of consultations_path_handle_idx, so the
 * values are percentile_cont's; with a channel or agent filter (not in the rollup) the
 * consultations of the range are grouped directly.
 */
export async function collectHandleTimeByPath(
  db: Database,
  report: ResolvedReport,
): Promise<PathHandleTime[]> {
  const { filter, window } = report;
  if (filter.channel !== undefined || filter.agentId !== undefined) {
    return reportRepository.handleTimeByPath(db, filter, window);
  }
  const paths = await reportRollupRepository.pathCounts(
    db,
    { guideId: filter.guideId, inquiryType: filter.inquiryType, outcome: filter.outcome },
    window,
    PATH_LIMIT,
  );
  const plans = paths.map((path, id) => ({
    id,
    median: path.timed > 0 ? ranksOf(path.timed, 0.5) : null,
    p90: path.timed > 0 ? ranksOf(path.timed, 0.9) : null,
  }));
  const values = await reportRollupRepository.pathHandleTimes(
    db,
    window,
    plans.flatMap((plan) =>
      plan.median && plan.p90
        ? [
            {
              id: plan.id,
              pathKey: paths[plan.id]?.pathKey ?? '',
              ranks: [plan.median.lower, plan.median.upper, plan.p90.lower, plan.p90.upper],
            },
          ]
        : [],
    ),
  );
  return paths.map((path, id) => {
    const read = values.get(id);
    const plan = plans[id];
    const at = (index: number): number => {
      const value = read?.[index];
      // A rank missing means the rollup disagrees with the table: say so, never guess.
      if (value === undefined || value === null) {
        throw new Error('report_path_days is out of step with consultations; run `npx ieum reports rebuild`');
      }
      return value;
    };
    return {
      guideId: path.guideId,
      scriptId: path.scriptId,
      inquiryType: path.inquiryType,
      outcome: path.outcome,
      path: path.path,
      count: path.count,
      median: plan?.median ? interpolateQuantile(at(0), at(1), plan.median.fraction) : null,
      p90: plan?.p90 ? interpolateQuantile(at(2), at(3), plan.p90.fraction) : null,
    };
  });
}
