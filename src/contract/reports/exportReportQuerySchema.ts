import type { z } from 'zod';
import { refineReportFilters, reportFiltersObjectSchema } from './reportFiltersSchema.ts';

/** Query of `GET /api/v1/reports/export.csv`: the summary's filters; one row per consultation started in range. */
export const exportReportQuerySchema = reportFiltersObjectSchema.superRefine(refineReportFilters);

/** Parsed export filters. */
export type ExportReportQuery = z.output<typeof exportReportQuerySchema>;
