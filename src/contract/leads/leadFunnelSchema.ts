import { z } from 'zod';
import { leadStatusSchema } from './leadStatusSchema.ts';

const medianSchema = z.object({
  count: z.number().int(),
  minutes: z.number().nullable(),
  businessMinutes: z.number().nullable(),
});
const countsSchema = z.record(leadStatusSchema, z.number().int());

/** `GET /api/v1/leads/funnel`: leads by status and week, median time to brochure and to first call. */
export const leadFunnelSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  byStatus: countsSchema,
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      filed: z.number().int(),
      brochureSent: z.number().int(),
      called: z.number().int(),
      byStatus: countsSchema,
    }),
  ),
  intakeToBrochure: medianSchema,
  intakeToFirstCall: medianSchema,
});

/** The funnel as clients read it. */
export type LeadFunnelReport = z.output<typeof leadFunnelSchema>;
