import type { z } from 'zod';
import { exportReasonSchema } from '../privacy/exportReasonSchema.ts';
import { refineReportFilters, reportFiltersObjectSchema } from './reportFiltersSchema.ts';

/**
 * Body of `POST /api/v1/reports/export.csv`: the summary's filters, as `GET` takes them in its
 * query, and the reason for the download, kept in the access log. What the web app sends for a role
 * that gets the caller numbers in clear; `GET` stays for integrations (logged without a reason).
 */
export const exportReportRequestSchema = reportFiltersObjectSchema
  .extend({ reason: exportReasonSchema })
  .superRefine(refineReportFilters);

/** Parsed report export request. */
export type ExportReportRequest = z.output<typeof exportReportRequestSchema>;
