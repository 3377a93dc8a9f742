import { and, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { ReportQuery } from '../../../contract/reports/reportQuerySchema.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { reportConsultationDays } from '../../db/reportSchema.ts';
import { AppError, type ProblemDetail } from '../../errors.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';

type ReportFilterValues = Pick<ReportQuery, 'guideId' | 'inquiryType' | 'channel' | 'outcome'>;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function endOutcomes(guide: Guide): string[] {
  return guide.scripts.flatMap((script) =>
    script.nodes.flatMap((node) => (node.type === 'end' ? [node.outcome] : [])),
  );
}

/** Whether the stored consultations (of guide `guideId`, when given) have a row matching `condition`. */
async function seenInHistory(ctx: AppContext, condition: SQL, guideId: string | undefined): Promise<boolean> {
  const rows = await ctx.database.db
    .select({ guideId: reportConsultationDays.guideId })
    .from(reportConsultationDays)
    .where(guideId === undefined ? condition : and(condition, eq(reportConsultationDays.guideId, guideId)))
    .limit(1);
  return rows.length > 0;
}

/** The types and outcomes a guide no longer loaded left in the stored consultations. */
async function historyOf(ctx: AppContext, guideId: string): Promise<{ types: number[]; outcomes: string[] }> {
  const db = ctx.database.db;
  const c = reportConsultationDays;
  const types = await db
    .selectDistinct({ value: c.inquiryType })
    .from(c)
    .where(and(eq(c.guideId, guideId), isNotNull(c.inquiryType)));
  const outcomes = await db
    .selectDistinct({ value: c.outcome })
    .from(c)
    .where(and(eq(c.guideId, guideId), isNotNull(c.outcome)));
  return {
    types: types.flatMap((row) => (row.value === null ? [] : [row.value])),
    outcomes: outcomes.flatMap((row) => (row.value === null ? [] : [row.value])),
  };
}

/**
 * Refuses report filters that can match nothing: an unknown guide, an inquiry type or script
 * outcome the guide (without guideId: any loaded guide) lacks, a channel no loaded guide offers.
 * Without this a typo answered 200 with every figure 0, which reads as "nothing happened" rather
 * than "wrong filter". The sets come from the guides (data), so a guide that adds a type or
 * outcome is accepted at once. History counts too: a guide taken out of the guides directory is
 * judged by the types and outcomes its stored consultations have, and a type or outcome a guide no
 * longer has is accepted where consultations have it — reports must still find the past. The
 * stored rows are read only for a value the guides do not know. Every wrong filter is named.
 */
export async function checkReportFilters(ctx: AppContext, query: ReportFilterValues): Promise<void> {
  const guides = ctx.guides;
  const c = reportConsultationDays;
  const errors: Array<ProblemDetail & { message: LocalisedText }> = [];
  const loaded = query.guideId === undefined ? undefined : guides.get(query.guideId);
  const retired =
    query.guideId !== undefined &&
    !loaded &&
    (await seenInHistory(ctx, eq(c.guideId, query.guideId), undefined))
      ? await historyOf(ctx, query.guideId)
      : undefined;
  if (query.guideId !== undefined && !loaded && !retired) {
    errors.push({
      where: 'querystring/guideId',
      message: msg('common.guideNotFound', { id: query.guideId }),
    });
  }
  // The guide named (loaded, or retired with its history); else every loaded guide, which also
  // judges the other filters when the guide named is unknown (already reported).
  const named = loaded ? query.guideId : retired ? query.guideId : undefined;
  const scope = loaded ? [loaded] : guides.list();

  if (query.inquiryType !== undefined) {
    const numbers = (
      retired?.types ?? unique(scope.flatMap((g) => g.inquiryTypes.map((type) => type.number)))
    ).sort((a, b) => a - b);
    if (
      !numbers.includes(query.inquiryType) &&
      (retired || !(await seenInHistory(ctx, eq(c.inquiryType, query.inquiryType), named)))
    ) {
      const values = numbers.join(', ');
      errors.push({
        where: 'querystring/inquiryType',
        message: named
          ? msg('reports.inquiryTypeNotInGuide', { guideId: named, inquiryType: query.inquiryType, values })
          : msg('reports.inquiryTypeInNoGuide', { inquiryType: query.inquiryType, values }),
      });
    }
  }

  if (query.channel !== undefined) {
    const offered = unique(guides.list().flatMap((g) => g.channels.map((channel) => channel.id)));
    if (
      !offered.includes(query.channel) &&
      !(await seenInHistory(ctx, eq(c.channel, query.channel), named))
    ) {
      errors.push({
        where: 'querystring/channel',
        message: msg('reports.channelInNoGuide', { values: offered.join(', ') }),
      });
    }
  }

  if (query.outcome !== undefined) {
    const outcomes = (retired?.outcomes ?? unique(scope.flatMap(endOutcomes))).sort();
    if (
      !outcomes.includes(query.outcome) &&
      (retired || !(await seenInHistory(ctx, eq(c.outcome, query.outcome), named)))
    ) {
      const values = outcomes.join(', ');
      errors.push({
        where: 'querystring/outcome',
        message: named
          ? msg('reports.outcomeNotInGuide', { guideId: named, values })
          : msg('reports.outcomeInNoGuide', { values }),
      });
    }
  }

  const [first] = errors;
  if (first) throw new AppError('validation-failed', first.message, errors);
}
