import type { z } from 'zod';
import { dateRangeOrder } from '../common/dateRangeOrder.ts';
import { exportReasonSchema } from '../privacy/exportReasonSchema.ts';
import { leadFiltersSchema } from './leadFiltersSchema.ts';

/**
 * Body of `POST /api/v1/leads/export.csv`: the list's filters, as `GET` takes them in its query,
 * and the reason for the download, kept in the access log. What the web app sends for a role that
 * gets the contacts in clear; `GET` stays for integrations (logged without a reason).
 */
export const exportLeadsRequestSchema = leadFiltersSchema
  .extend({ reason: exportReasonSchema })
  .refine(dateRangeOrder.check, dateRangeOrder.issue);

/** Parsed lead export request. */
export type ExportLeadsRequest = z.output<typeof exportLeadsRequestSchema>;
