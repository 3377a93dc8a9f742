import type { ReportQuery } from '../../../contract/reports/reportQuerySchema.ts';
import type { ReportSummary } from '../../../contract/reports/reportSummarySchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import type { GuideScript } from '../../../domain/guide/guideSchema.ts';
import { callbackOutcomes, leadStatuses } from '../../../domain/lead/leadStatuses.ts';
import { backlogAgeBoundaries } from '../../../domain/report/backlogAgeBoundaries.ts';
import {
  emptyReportFigures,
  type ReportValues,
  seriesFigureIds,
} from '../../../domain/report/computeReportFigures.ts';
import { handleTimePathLabel } from '../../../domain/report/handleTimePath.ts';
import { listReportBuckets } from '../../../domain/report/reportBuckets.ts';
import { reportFigureDefinitions } from '../../../domain/report/reportFigureDefinitions.ts';
import { backlogAgeBuckets, reportFigureIds } from '../../../domain/report/reportFigureIds.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { wordCallbackOutcome } from '../leads/wordCallbackOutcome.ts';
import { wordLeadStatus } from '../leads/wordLeadStatus.ts';
import { collectReportValues } from './collectReportValues.ts';
import { reportLabels } from './reportLabels.ts';
import { resolveReportWindow } from './resolveReportWindow.ts';

/**
 * `GET /reports/summary`: the report's figures with their published formulas, series per bucket
 * (every bucket, empty ones as 0 or null) and breakdowns. Aggregation runs in SQL (one scan per
 * kind of record, in parallel on PostgreSQL); calendar arithmetic runs once per report in the domain.
 * Names, labels and formulas are in `locale` (Korean by default: the published words).
 */
export async function getReportSummary(
  ctx: AppContext,
  query: ReportQuery,
  locale: Locale = 'ko',
): Promise<ReportSummary> {
  const now = ctx.now();
  const facts = await loadCalendarFacts(ctx);
  const repeatContactDays = ctx.env.IEUM_REPEAT_CONTACT_DAYS;
  const report = resolveReportWindow(query, now, facts, repeatContactDays);
  const values = await collectReportValues(ctx.database.db, report, backlogAgeBoundaries(now, facts));
  return presentReportSummary(values, {
    ...report,
    groupBy: query.groupBy,
    now,
    repeatContactDays,
    locale,
    scriptOf: (guideId, scriptId) =>
      ctx.guides.get(guideId)?.scripts.find((script) => script.id === scriptId),
  });
}

function presentReportSummary(
  values: ReportValues,
  meta: {
    from: string;
    to: string;
    groupBy: ReportQuery['groupBy'];
    now: Date;
    repeatContactDays: number;
    locale: Locale;
    /** A loaded guide's script, which words the path breakdown's steps as the console does. */
    scriptOf: (guideId: string, scriptId: string | null) => GuideScript | undefined;
  },
): ReportSummary {
  const buckets = listReportBuckets(meta.from, meta.to, meta.groupBy);
  // A bucket the aggregates have no row for (a weekend, the night's hours) holds what an empty
  // report holds, as the reference formulas say: counts 0, shares and times null. Leaving every
  // figure null there made a day without calls read "no value" beside the days with 0 transfers.
  const empty = emptyReportFigures();
  return {
    from: meta.from,
    to: meta.to,
    groupBy: meta.groupBy,
    timeZone: 'Asia/Seoul',
    generatedAt: formatSeoulIso(meta.now),
    repeatContactDays: meta.repeatContactDays,
    figures: reportFigureIds.map((id) => ({
      id,
      value: values.figures[id],
      unit: reportFigureDefinitions[id].unit,
      label: reportLabels.figure(meta.locale, id),
      definition: reportLabels.definition(meta.locale, id),
    })),
    series: seriesFigureIds.map((id) => ({
      id,
      unit: reportFigureDefinitions[id].unit,
      points: buckets.map((bucket) => ({
        key: bucket.key,
        start: bucket.start,
        label: reportLabels.bucket(meta.locale, meta.groupBy, bucket),
        value: values.series[id]?.[bucket.key] ?? empty[id],
      })),
    })),
    handleTimeByPath: values.handleTimeByPath.map((row) => ({
      ...row,
      path: [...row.path],
      pathLabel: handleTimePathLabel(row.path, meta.scriptOf(row.guideId, row.scriptId)),
    })),
    transferBacklogByAge: backlogAgeBuckets.map((bucket) => ({
      bucket,
      label: reportLabels.backlogAge(meta.locale, bucket),
      count: values.backlogByAge[bucket],
    })),
    callbackOutcomes: callbackOutcomes.map((outcome) => ({
      outcome,
      label: wordCallbackOutcome(meta.locale, outcome),
      count: values.callbackOutcomes[outcome] ?? 0,
    })),
    leadsByStatus: leadStatuses.map((status) => ({
      status,
      label: wordLeadStatus(meta.locale, status),
      count: values.leadsByStatus[status],
    })),
  };
}
