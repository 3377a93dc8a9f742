import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { requestJson } from '../../api/requestJson.ts';

const person = z.object({ id: z.string(), name: z.string() });
const statusSchema = z.enum(['new', 'brochure-sent', 'called', 'won', 'lost']);
const outcomeSchema = z.enum(['reached', 'no-answer', 'wrong-number', 'signed-up', 'not-interested']);

/** A lead's state. */
export type LeadStatus = z.infer<typeof statusSchema>;
/** A callback outcome. */
export type CallbackOutcome = z.infer<typeof outcomeSchema>;

/** `Lead` from the API (contact fields masked unless just filed by this agent). */
export const leadSchema = z.object({
  id: z.string(),
  number: z.string(),
  transferId: z.string(),
  consultationId: z.string().nullable(),
  status: statusSchema,
  statusLabel: z.string(),
  companyName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  businessNumber: z.string().nullable(),
  masked: z.boolean(),
  filedBy: person,
  assignee: person.nullable(),
  brochure: z.object({
    status: z.enum(['none', 'queued', 'sent', 'failed']),
    attempts: z.number(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
  }),
  callback: z.object({
    state: z.enum(['none', 'scheduled', 'due', 'overdue']),
    dueAt: z.string().nullable(),
    businessMinutesLeft: z.number().nullable(),
    attempts: z.number(),
  }),
  firstCalledAt: z.string().nullable(),
  lastOutcome: outcomeSchema.nullable(),
  lastOutcomeLabel: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  callbacks: z
    .array(
      z.object({
        attempt: z.number(),
        outcome: outcomeSchema,
        outcomeLabel: z.string(),
        retryAt: z.string().nullable(),
        note: z.string(),
        actor: person.nullable(),
        at: z.string(),
      }),
    )
    .optional(),
});
/** A lead as screens use it. */
export type Lead = z.infer<typeof leadSchema>;

const leadListSchema = z.object({ items: z.array(leadSchema), total: z.number() });

const medianSchema = z.object({
  count: z.number(),
  minutes: z.number().nullable(),
  businessMinutes: z.number().nullable(),
});
const countsSchema = z.record(z.string(), z.number());

/** `GET /api/v1/leads/funnel`. */
export const leadFunnelSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byStatus: countsSchema,
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      filed: z.number(),
      brochureSent: z.number(),
      called: z.number(),
      byStatus: countsSchema,
    }),
  ),
  intakeToBrochure: medianSchema,
  intakeToFirstCall: medianSchema,
});
/** The supervisor's funnel. */
export type LeadFunnel = z.infer<typeof leadFunnelSchema>;

/** `GET /api/v1/leads/{id}/email`. */
export const leadEmailSchema = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), sizeBytes: z.number() })),
  status: z.enum(['queued', 'sent', 'failed']),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});

/** Query keys of lead screens. */
export const leadKeys = {
  all: ['leads'] as const,
  list: (filter: string) => ['leads', 'list', filter] as const,
  funnel: ['leads', 'funnel'] as const,
  email: (id: string) => ['leads', 'email', id] as const,
};

/** The leads list; `filter` is 'open' (not won or lost) or 'all'. Callbacks due come first. */
export function useLeadList(filter: 'open' | 'all') {
  return useQuery({
    queryKey: leadKeys.list(filter),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/leads?limit=200${filter === 'open' ? '&status=new,brochure-sent,called' : ''}`,
        schema: leadListSchema,
        signal,
      }),
    refetchInterval: 60_000,
  });
}

/** The funnel of the last 12 weeks. */
export function useLeadFunnel(enabled: boolean) {
  return useQuery({
    queryKey: leadKeys.funnel,
    queryFn: ({ signal }) => requestJson({ path: '/api/v1/leads/funnel', schema: leadFunnelSchema, signal }),
    enabled,
  });
}

/** The brochure e-mail of a lead as it sits in the outbox. */
export function useLeadEmail(id: string | null) {
  return useQuery({
    queryKey: leadKeys.email(id ?? ''),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/leads/${encodeURIComponent(id ?? '')}/email`,
        schema: leadEmailSchema,
        signal,
      }),
    enabled: id !== null,
  });
}

/** Files a lead from a saved Q4-Y consultation, keyed by the consultation so a retry never files twice. */
export function fileLeadRequest(
  consultationId: string,
  fields: { companyName: string; contactName: string; phone: string; email: string; businessNumber?: string },
): Promise<Lead> {
  return requestJson({
    method: 'POST',
    path: '/api/v1/leads',
    body: { consultationId, ...fields },
    headers: { 'idempotency-key': `lead-${consultationId}` },
    schema: leadSchema,
  });
}

/** Records a callback outcome. */
export function recordOutcomeRequest(
  id: string,
  body: { outcome: CallbackOutcome; retryAt?: string; note?: string; expectedStatus?: LeadStatus },
): Promise<Lead> {
  return requestJson({
    method: 'POST',
    path: `/api/v1/leads/${encodeURIComponent(id)}/callback-outcome`,
    body,
    schema: leadSchema,
  });
}

/** Reveals a lead's contact details with a reason (logged). */
export function revealLeadRequest(id: string, reason: string) {
  return requestJson({
    method: 'POST',
    path: `/api/v1/leads/${encodeURIComponent(id)}/reveal`,
    body: { reason },
    schema: z.object({ contactName: z.string(), phone: z.string(), email: z.string() }),
  });
}
