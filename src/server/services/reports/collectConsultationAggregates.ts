import type { Database } from '../../db/openDatabase.ts';
import { reportRepository } from '../../repositories/reportRepository.ts';
import { reportRollupRepository } from '../../repositories/reportRollupRepository.ts';
import { collectHandleTimeQuantiles } from './collectHandleTimeQuantiles.ts';
import type { ResolvedReport } from './resolveReportWindow.ts';

/** Consultation figures of one bucket (null: the range's total). */
export type ConsultationAggregate = {
  bucket: string | null;
  started: number;
  completed: number;
  abandoned: number;
  open: number;
  transferred: number;
  median: number | null;
  p90: number | null;
};

/**
 * Consultation counts and handle-time quantiles per bucket. By day or week the counts come from the
 * report_consultation_days rollup (any filter) and, without filters, the quantiles from the
 * handle-time rollup plus the few exact values they need; with a filter the quantiles are computed
 * over the filtered consultations. By hour (at most 31 days) everything is read from consultations.
 */
export async function collectConsultationAggregates(
  db: Database,
  report: ResolvedReport,
): Promise<ConsultationAggregate[]> {
  const { filter, window } = report;
  const groupBy = window.groupBy;
  if (groupBy === 'hour') return reportRepository.consultationAggregates(db, filter, window);
  const unfiltered = Object.values(filter).every((value) => value === undefined);
  const [counts, quantiles] = await Promise.all([
    reportRollupRepository.consultationCounts(db, filter, window, groupBy),
    unfiltered
      ? collectHandleTimeQuantiles(db, window, { from: report.from, to: report.to, groupBy })
      : reportRepository
          .handleTimePercentiles(db, filter, window)
          .then((rows) => new Map(rows.map((row) => [row.bucket ?? '', row]))),
  ]);
  return counts.map((row) => {
    const quantile = quantiles.get(row.bucket ?? '');
    return { ...row, median: quantile?.median ?? null, p90: quantile?.p90 ?? null };
  });
}
