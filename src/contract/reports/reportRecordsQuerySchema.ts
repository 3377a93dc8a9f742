import { z } from 'zod';
import { reportFigureIdSchema } from './reportFigureIdSchema.ts';
import { refineReportFilters, reportFiltersObjectSchema } from './reportFiltersSchema.ts';

/**
 * Query of `GET /api/v1/reports/records`: the summary's filters, the figure whose records to list,
 * optionally one series point (`bucket`, the point's `key`) and one segment of a breakdown
 * (`segment`: a backlog age bucket, a callback outcome, or a handle-time path key).
 */
export const reportRecordsQuerySchema = reportFiltersObjectSchema
  .extend({
    figure: reportFigureIdSchema,
    bucket: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T\d{2})?$/, 'bucket은 YYYY-MM-DD 또는 YYYY-MM-DDTHH 형식이어야 합니다')
      .optional()
      .describe("A series point's key: its day, its week's Monday, or its hour (YYYY-MM-DDTHH)"),
    segment: z.string().trim().min(1, 'segment가 비어 있습니다').max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .superRefine(refineReportFilters)
  .superRefine((query, context) => {
    if (!query.bucket) return;
    const hourly = query.bucket.includes('T');
    if (hourly !== (query.groupBy === 'hour')) {
      context.addIssue({
        code: 'custom',
        message: hourly
          ? 'YYYY-MM-DDTHH 형식은 groupBy=hour에서만 씁니다'
          : 'groupBy=hour에서는 YYYY-MM-DDTHH 형식입니다',
        params: {
          messageKey: hourly ? 'validation.hourBucketNeedsHourly' : 'validation.hourlyNeedsHourBucket',
        },
        path: ['bucket'],
      });
    }
  });

/** Parsed drill-down query. */
export type ReportRecordsQuery = z.output<typeof reportRecordsQuerySchema>;
