import { z } from 'zod';
import { reportFigureUnits } from '../../domain/report/reportFigureIds.ts';
import { reportFigureIdSchema } from './reportFigureIdSchema.ts';

/** One published figure: its value, unit, name (in the request language) and the formula it is computed by (in Korean). */
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
    definition: z.string().describe('The formula in Korean, shown beside the figure'),
  })
  .meta({ id: 'ReportFigure' });

/** One figure as clients read it. */
export type ReportFigure = z.output<typeof reportFigureSchema>;
