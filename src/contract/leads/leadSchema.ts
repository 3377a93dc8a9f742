import { z } from 'zod';
import { assigneeSchema } from '../common/assigneeSchema.ts';
import { personSchema as person } from '../common/personSchema.ts';
import { callbackOutcomeSchema } from './callbackOutcomeSchema.ts';
import { leadStatusSchema } from './leadStatusSchema.ts';

/** Another lead of the same customer, by its id and transfer number. */
const leadReference = z.object({
  id: z.uuid(),
  number: z.string().describe("The lead's transfer number, e.g. T-2026-000123"),
});

/** A sign-up lead as the API returns it (OpenAPI component 'Lead'). */
export const leadSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe("The lead's transfer number, e.g. T-2026-000123"),
    transferId: z.uuid(),
    consultationId: z.uuid().nullable(),
    guideId: z.string().describe('The guide of the consultation the lead came from'),
    consentRecordId: z.uuid().nullable(),
    status: leadStatusSchema,
    statusLabel: z.string(),
    companyName: z.string(),
    contactName: z.string(),
    phone: z.string(),
    email: z.string(),
    businessNumber: z.string().nullable(),
    masked: z.boolean(),
    filedBy: person,
    assignee: assigneeSchema.nullable(),
    brochure: z.object({
      status: z.enum(['none', 'queued', 'sent', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      sentAt: z.string().nullable(),
      sentWith: leadReference
        .extend({
          status: z
            .enum(['queued', 'sent', 'failed'])
            .nullable()
            .describe("That e-mail's delivery state now (null once it is gone)"),
        })
        .nullable()
        .describe(
          "The customer's earlier lead whose brochure e-mail they got (sent, or queued when this lead was filed), so none was queued for this one; `status` above is then 'none'. Null when this lead queued its own",
        ),
    }),
    callback: z.object({
      state: z.enum(['none', 'scheduled', 'due', 'overdue']),
      dueAt: z.string().nullable(),
      businessMinutesLeft: z.number().nullable(),
      attempts: z.number().int(),
      brochureNotSent: z
        .boolean()
        .describe(
          'A callback is pending while the brochure e-mail has not gone out (waiting for SMTP, given up, or none): mention it on the call or send it again',
        ),
    }),
    repeatOf: leadReference
      .nullable()
      .describe(
        "The customer's open lead (same company and e-mail, not won, lost or closed) this one was filed beside: it went to that lead's holder (the rotation did not move) and, held by them, joins that lead's callback (`callback.state` 'none' here). Null for a customer's first lead",
      ),
    firstCalledAt: z.string().nullable(),
    lastOutcome: callbackOutcomeSchema.nullable(),
    lastOutcomeLabel: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    personalDataErasedAt: z.string().nullable(),
    callbacks: z
      .array(
        z.object({
          attempt: z.number().int(),
          outcome: callbackOutcomeSchema,
          outcomeLabel: z.string(),
          dueAt: z.string().nullable(),
          retryAt: z.string().nullable(),
          note: z.string(),
          actor: person.nullable(),
          at: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Lead' });

/** A lead as clients read it. */
export type Lead = z.output<typeof leadSchema>;
