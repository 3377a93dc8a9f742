import type { ReportQuery } from '../../../contract/reports/reportQuerySchema.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { AppError, type ProblemDetail } from '../../errors.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';
import type { GuideCatalog } from '../guides/loadGuideCatalog.ts';

type ReportFilterValues = Pick<ReportQuery, 'guideId' | 'inquiryType' | 'channel' | 'outcome'>;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function endOutcomes(guide: Guide): string[] {
  return guide.scripts.flatMap((script) =>
    script.nodes.flatMap((node) => (node.type === 'end' ? [node.outcome] : [])),
  );
}

/**
 * Refuses report filters that can match nothing because the loaded guides do not have them: an
 * unknown guide, an inquiry type or script outcome the guide (without guideId: any loaded guide)
 * lacks, a channel no loaded guide offers. Without this a typo answered 200 with every figure 0,
 * which reads as "nothing happened" rather than "wrong filter". The sets come from the guides
 * (data), so a guide that adds a type or outcome is accepted at once. Every wrong filter is named.
 */
export function checkReportFilters(guides: GuideCatalog, query: ReportFilterValues): void {
  const errors: Array<ProblemDetail & { message: LocalisedText }> = [];
  const guide = query.guideId === undefined ? undefined : guides.get(query.guideId);
  if (query.guideId !== undefined && !guide) {
    errors.push({
      where: 'querystring/guideId',
      message: msg('common.guideNotFound', { id: query.guideId }),
    });
  }
  // An unknown guideId is already reported; the other filters are then judged against every guide.
  const scope = guide ? [guide] : guides.list();

  if (query.inquiryType !== undefined) {
    const numbers = unique(scope.flatMap((g) => g.inquiryTypes.map((type) => type.number))).sort(
      (a, b) => a - b,
    );
    if (!numbers.includes(query.inquiryType)) {
      const values = numbers.join(', ');
      errors.push({
        where: 'querystring/inquiryType',
        message: guide
          ? msg('reports.inquiryTypeNotInGuide', {
              guideId: guide.id,
              inquiryType: query.inquiryType,
              values,
            })
          : msg('reports.inquiryTypeInNoGuide', { inquiryType: query.inquiryType, values }),
      });
    }
  }

  if (query.channel !== undefined) {
    const offered = unique(guides.list().flatMap((g) => g.channels.map((channel) => channel.id)));
    if (!offered.includes(query.channel)) {
      errors.push({
        where: 'querystring/channel',
        message: msg('reports.channelInNoGuide', { values: offered.join(', ') }),
      });
    }
  }

  if (query.outcome !== undefined) {
    const outcomes = unique(scope.flatMap(endOutcomes)).sort();
    if (!outcomes.includes(query.outcome)) {
      const values = outcomes.join(', ');
      errors.push({
        where: 'querystring/outcome',
        message: guide
          ? msg('reports.outcomeNotInGuide', { guideId: guide.id, values })
          : msg('reports.outcomeInNoGuide', { values }),
      });
    }
  }

  const [first] = errors;
  if (first) throw new AppError('validation-failed', first.message, errors);
}
