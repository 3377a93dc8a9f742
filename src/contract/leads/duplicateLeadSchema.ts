import { z } from 'zod';
import { leadStatusSchema } from './leadStatusSchema.ts';

/**
 * An earlier sign-up lead for the same company and e-mail address within 30 days: a warning, not
 * a refusal (the caller may really ask twice). Carries no personal data: the number, when, its
 * state and the address of the lead on the business team's screen.
 */
export const duplicateLeadSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe("The earlier lead's transfer number"),
    status: leadStatusSchema,
    statusLabel: z.string(),
    createdAt: z.string(),
    path: z.string().describe("The lead in the business team's queue, e.g. /queue?view=leads&lead=…"),
  })
  .meta({ id: 'DuplicateLead' });

/** One earlier lead for the same company and e-mail. */
export type DuplicateLead = z.output<typeof duplicateLeadSchema>;
