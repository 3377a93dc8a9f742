import { z } from 'zod';
import { reportFigureUnits } from '../../domain/report/reportFigureIds.ts';
import { reportFigureIdSchema } from './reportFigureIdSchema.ts';

/** One point of a series: a bucket of the range (every bucket is present, empty ones too). */
export const reportSeriesPointSchema = z.object({
  key: z
    .string()
    .describe(
      "The bucket: 'YYYY-MM-DD' (day, or a week's Monday) or 'YYYY-MM-DDTHH' (hour); pass it as `bucket` to drill down",
    ),
  start: z.string().describe('Start of the bucket, ISO 8601 with +09:00'),
  label: z
    .string()
    .describe(
      'In the request language (Korean by default): 11월 3일 (월), 11월 3일 주, 11월 3일 14시 · Tue, Nov 3, Week of Nov 3, Nov 3, 14:00; a week the range cuts names the days it counts: 11월 3일 주 (11월 4일–11월 5일), 11월 3일 주 (11월 4일만) · Week of Nov 3 (Nov 4–Nov 5), Week of Nov 3 (Nov 4 only)',
    ),
  value: z.number().nullable(),
});

/** A figure over time, bucketed by the report's groupBy in Asia/Seoul. */
export const reportSeriesSchema = z
  .object({
    id: reportFigureIdSchema,
    unit: z.enum(reportFigureUnits),
    points: z.array(reportSeriesPointSchema),
  })
  .meta({ id: 'ReportSeries' });

/** One series as clients read it. */
export type ReportSeries = z.output<typeof reportSeriesSchema>;
