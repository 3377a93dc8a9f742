import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';
import { requestDateSchema } from '../common/requestDateSchemas.ts';
import { reportGroupBySchema } from './reportGroupBySchema.ts';

/** The longest range a report covers; hourly series are limited to a month (744 points). */
export const MAX_REPORT_DAYS = 366;
export const MAX_HOURLY_REPORT_DAYS = 31;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The filters every report request shares (summary, drill-down records, CSV export): Seoul dates
 * `from`–`to` inclusive, the bucketing of series, and who/what to count. The date range selects
 * consultations by start, transfers and leads by filing, callbacks by due time.
 */
export const reportFiltersObjectSchema = z.object({
  from: requestDateSchema('from은 YYYY-MM-DD 형식이어야 합니다')
    .optional()
    .describe(
      'Default: 29 days before `to`, or before today when `to` is later (a future `to` keeps the last 30 days in view)',
    ),
  to: requestDateSchema('to는 YYYY-MM-DD 형식이어야 합니다').optional().describe('Default: today (Seoul)'),
  groupBy: reportGroupBySchema.default('day'),
  guideId: z
    .string()
    .trim()
    .min(1, 'guideId가 비어 있습니다')
    .max(100)
    .optional()
    .describe('A loaded guide; another id is a 400 at querystring/guideId'),
  inquiryType: z.coerce
    .number({ error: 'inquiryType은 숫자여야 합니다' })
    .int('inquiryType은 정수여야 합니다')
    .min(1, 'inquiryType은 1 이상입니다')
    .max(999, 'inquiryType은 999 이하입니다')
    .optional()
    .describe("One of the guide's inquiry types (without guideId: of any loaded guide); another is a 400"),
  channel: channelSchema.optional().describe('A channel a loaded guide offers; another is a 400'),
  agentId: z
    .uuid('agentId는 UUID여야 합니다')
    .optional()
    .describe('The agent who handled the consultation or filed the transfer'),
  outcome: z
    .string()
    .trim()
    .min(1, 'outcome이 비어 있습니다')
    .max(50)
    .optional()
    .describe(
      "A script end's outcome (support-line, transfer, lead, …): consultations ending so. It must be one the guide's scripts end with (without guideId: any loaded guide's); another is a 400",
    ),
});

/** Checks the filters together: a reversed or too long range is a typo, not an empty report. */
export function refineReportFilters(
  query: { from?: string | undefined; to?: string | undefined; groupBy: string },
  context: z.RefinementCtx,
): void {
  if (!query.from || !query.to) return;
  if (query.from > query.to) {
    context.addIssue({
      code: 'custom',
      message: 'from은 to보다 늦을 수 없습니다',
      params: { messageKey: 'validation.fromAfterTo' },
      path: ['from'],
    });
    return;
  }
  const days = daysBetween(query.from, query.to);
  if (days > MAX_REPORT_DAYS) {
    context.addIssue({
      code: 'custom',
      message: `기간은 최대 ${MAX_REPORT_DAYS}일입니다`,
      params: { messageKey: 'validation.rangeTooLong', max: MAX_REPORT_DAYS },
      path: ['to'],
    });
  } else if (query.groupBy === 'hour' && days > MAX_HOURLY_REPORT_DAYS) {
    context.addIssue({
      code: 'custom',
      message: `시간별 집계의 기간은 최대 ${MAX_HOURLY_REPORT_DAYS}일입니다`,
      params: { messageKey: 'validation.hourlyRangeTooLong', max: MAX_HOURLY_REPORT_DAYS },
      path: ['to'],
    });
  }
}
