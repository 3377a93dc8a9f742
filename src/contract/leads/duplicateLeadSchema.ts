import { z } from 'zod';
import { personSchema } from '../common/personSchema.ts';
import { leadStatusSchema } from './leadStatusSchema.ts';

/**
 * An earlier sign-up lead for the same company and e-mail address within 30 days: a warning, not
 * a refusal (the caller may really ask twice). Carries no personal data of the customer: the number,
 * when, its state, who on the staff filed and holds it, and the address of the lead on the business
 * team's screen — which only those who may read the lead can open (`canOpen`).
 */
export const duplicateLeadSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe("The earlier lead's transfer number"),
    status: leadStatusSchema,
    statusLabel: z.string(),
    createdAt: z.string(),
    path: z.string().describe("The lead in the business team's queue, e.g. /queue?view=leads&lead=…"),
    filedBy: personSchema.describe('The staff member who filed the earlier lead'),
    assignee: personSchema.nullable().describe('Who on the business team holds it (null: nobody yet)'),
    canOpen: z
      .boolean()
      .optional()
      .describe(
        'Whether the caller may open the lead at `path` (lead:read-all, or they filed it); given by POST /api/v1/leads/duplicates and in the finish answer',
      ),
  })
  .meta({ id: 'DuplicateLead' });

/** One earlier lead for the same company and e-mail. */
export type DuplicateLead = z.output<typeof duplicateLeadSchema>;
