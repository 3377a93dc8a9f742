import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { ApiError } from '../../api/ApiError.ts';
import { csrfTokenStore } from '../../api/csrfTokenStore.ts';
import { requestJson } from '../../api/requestJson.ts';
import { unauthorizedListener } from '../../api/unauthorizedListener.ts';

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
        dueAt: z.string().nullable(),
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
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
/** The brochure e-mail as the outbox holds it. */
export type LeadEmail = z.infer<typeof leadEmailSchema>;

/** `GET /api/v1/admin/brochure`: the PDF attached to every brochure e-mail now. */
export const brochureInfoSchema = z.object({
  source: z.enum(['uploaded', 'default']),
  fileName: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string().nullable(),
});
/** The brochure now attached. */
export type BrochureInfo = z.infer<typeof brochureInfoSchema>;

/** Which leads the business team's list shows. */
export type LeadListFilter = 'open' | 'due' | 'all';

/** A span of Seoul dates ('YYYY-MM-DD'); empty means the server's default. */
export type LeadDateRange = { from: string; to: string };

const openStatuses = 'new,brochure-sent,called';

function rangeParams(range: LeadDateRange): URLSearchParams {
  const params = new URLSearchParams();
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  return params;
}

/** Query keys of lead screens. */
export const leadKeys = {
  all: ['leads'] as const,
  list: (filter: LeadListFilter) => ['leads', 'list', filter] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
  funnel: (range: LeadDateRange) => ['leads', 'funnel', range.from, range.to] as const,
  email: (id: string) => ['leads', 'email', id] as const,
  brochure: ['leads', 'brochure'] as const,
};

/**
 * The business team's leads, callbacks due first: 'open' (not won or lost), 'due' (open with the
 * callback time come, overdue included) or 'all'. Refetched every minute so due times keep moving.
 */
export function useLeadList(filter: LeadListFilter) {
  const params = new URLSearchParams({ limit: '200' });
  if (filter !== 'all') params.set('status', openStatuses);
  if (filter === 'due') params.set('callback', 'due');
  return useQuery({
    queryKey: leadKeys.list(filter),
    queryFn: ({ signal }) =>
      requestJson({ path: `/api/v1/leads?${params.toString()}`, schema: leadListSchema, signal }),
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** One lead with its callback history. */
export function useLeadDetail(id: string | null) {
  return useQuery({
    queryKey: leadKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      requestJson({ path: `/api/v1/leads/${encodeURIComponent(id ?? '')}`, schema: leadSchema, signal }),
    enabled: id !== null,
  });
}

/** The funnel for leads filed in `range` (default: the last 12 weeks). */
export function useLeadFunnel(range: LeadDateRange) {
  return useQuery({
    queryKey: leadKeys.funnel(range),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/leads/funnel?${rangeParams(range).toString()}`,
        schema: leadFunnelSchema,
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

/** Where the CSV of leads filed in `range` downloads from (a plain link: the session cookie authenticates it). */
export function leadExportPath(range: LeadDateRange): string {
  const query = rangeParams(range).toString();
  return `/api/v1/leads/export.csv${query ? `?${query}` : ''}`;
}

/** The brochure PDF now attached to brochure e-mails. */
export function useBrochureInfo(enabled: boolean) {
  return useQuery({
    queryKey: leadKeys.brochure,
    queryFn: ({ signal }) =>
      requestJson({ path: '/api/v1/admin/brochure', schema: brochureInfoSchema, signal }),
    enabled,
  });
}

/**
 * Replaces the brochure: the PDF itself is the body (Content-Type: application/pdf), which
 * requestJson does not send, so this builds the request with the same CSRF header and error shape.
 */
export async function replaceBrochureRequest(file: File): Promise<BrochureInfo> {
  const headers = new Headers({ 'content-type': 'application/pdf', accept: 'application/json' });
  const csrfToken = csrfTokenStore.get();
  if (csrfToken) headers.set('x-csrf-token', csrfToken);
  const response = await fetch(`/api/v1/admin/brochure?fileName=${encodeURIComponent(file.name)}`, {
    method: 'PUT',
    headers,
    credentials: 'same-origin',
    body: file,
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401) unauthorizedListener.notify();
    const problem = problemSchema.safeParse(payload);
    if (problem.success) {
      const { code, detail, errors } = problem.data;
      throw new ApiError(response.status, code, detail, errors ?? []);
    }
    throw new ApiError(
      response.status,
      `http-${response.status}`,
      `소개서를 올리지 못했습니다 (HTTP ${response.status})`,
    );
  }
  return brochureInfoSchema.parse(payload);
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
