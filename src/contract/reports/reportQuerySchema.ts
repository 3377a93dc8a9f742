import type { z } from 'zod';
import { refineReportFilters, reportFiltersObjectSchema } from './reportFiltersSchema.ts';

/** Query of `GET /api/v1/reports/summary`. */
export const reportQuerySchema = reportFiltersObjectSchema.superRefine(refineReportFilters);

/** Parsed report filters. */
export type ReportQuery = z.output<typeof reportQuerySchema>;
