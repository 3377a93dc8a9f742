import { z } from 'zod';

/** Types of the sign-up lead events on `GET /api/v1/events`. */
export const leadEventTypeSchema = z.enum(['lead.filed', 'lead.updated', 'lead.callback-due']);

/**
 * Data of a sign-up lead event on `GET /api/v1/events`: ids and status, and for a due callback the
 * company name; no personal data. Fields a kind of event does not carry are left out.
 */
export const leadEventSchema = z.object({
  leadId: z.uuid(),
  transferId: z.uuid(),
  number: z.string().optional(),
  status: z.string().optional(),
  companyName: z.string().optional(),
  filedById: z.uuid().optional(),
  assigneeId: z.uuid().nullable().optional(),
  change: z.record(z.string(), z.unknown()).optional(),
  dueAt: z.string().nullable().optional(),
  attempt: z.number().int().optional(),
});

/** A lead event's data as publishers write it and screens read it. */
export type LeadEvent = z.output<typeof leadEventSchema>;
