import type { z } from 'zod';
import { exportReasonSchema } from '../privacy/exportReasonSchema.ts';
import { exportLeadsQuerySchema } from './exportLeadsQuerySchema.ts';

/**
 * Body of `POST /api/v1/leads/export.csv`: the list's filters, as `GET` takes them in its query,
 * and the reason for the download, kept in the access log. What the web app sends for a role that
 * gets the contacts in clear; `GET` stays for integrations (logged without a reason).
 */
export const exportLeadsRequestSchema = exportLeadsQuerySchema.extend({ reason: exportReasonSchema });

/** Parsed lead export request. */
export type ExportLeadsRequest = z.output<typeof exportLeadsRequestSchema>;
