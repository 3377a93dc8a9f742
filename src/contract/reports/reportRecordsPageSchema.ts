import { z } from 'zod';
import { reportFigureIdSchema } from './reportFigureIdSchema.ts';
import { reportRecordSchema } from './reportRecordSchema.ts';

/** `GET /api/v1/reports/records`: one page of the records behind a figure or series point, masked. */
export const reportRecordsPageSchema = z
  .object({
    figure: reportFigureIdSchema,
    bucket: z.string().nullable(),
    segment: z.string().nullable(),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(reportRecordSchema),
  })
  .meta({ id: 'ReportRecordsPage' });

/** A page of drill-down records. */
export type ReportRecordsPage = z.output<typeof reportRecordsPageSchema>;
