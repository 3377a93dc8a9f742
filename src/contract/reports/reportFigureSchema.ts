import { z } from 'zod';
import { reportFigureUnits } from '../../domain/report/reportFigureIds.ts';
import { reportFigureIdSchema } from './reportFigureIdSchema.ts';

/** One published figure: its value, unit, name and the formula it is computed by (both in the request language). */
export const reportFigureSchema = z
  .object({
    id: reportFigureIdSchema,
    value: z.number().nullable().describe('Null when the formula has nothing to divide or rank (no records)'),
    unit: z.enum(reportFigureUnits).describe('count, seconds, or ratio (0–1)'),
    label: z
      .string()
      .describe(
        'Name in the request language (Accept-Language; Korean by default), e.g. 완료된 상담 · Consultations completed',
      ),
    definition: z
      .string()
      .describe(
        'The formula, shown beside the figure, in the request language (Accept-Language; Korean by default, the published formula)',
      ),
  })
  .meta({ id: 'ReportFigure' });

/** One figure as clients read it. */
export type ReportFigure = z.output<typeof reportFigureSchema>;
