import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { type BrochureInfo, brochureInfoSchema } from '../../../contract/leads/brochureInfoSchema.ts';
import { duplicateLeadListSchema } from '../../../contract/leads/duplicateLeadListSchema.ts';
import { exportLeadsRequestSchema } from '../../../contract/leads/exportLeadsRequestSchema.ts';
import { leadEmailSchema } from '../../../contract/leads/leadEmailSchema.ts';
import { leadFunnelSchema } from '../../../contract/leads/leadFunnelSchema.ts';
import { leadPageSchema } from '../../../contract/leads/leadPageSchema.ts';
import { type Lead, leadSchema } from '../../../contract/leads/leadSchema.ts';
import { recordCallbackOutcomeSchema } from '../../../contract/leads/recordCallbackOutcomeSchema.ts';
import { revealedLeadSchema } from '../../../contract/leads/revealedLeadSchema.ts';
import { revealLeadSchema } from '../../../contract/leads/revealLeadSchema.ts';
import { ApiError } from '../../api/ApiError.ts';
import { csrfTokenStore } from '../../api/csrfTokenStore.ts';
import { downloadCsv } from '../../api/downloadCsv.ts';
import { requestJson } from '../../api/requestJson.ts';
import { unauthorizedListener } from '../../api/unauthorizedListener.ts';
import { acceptLanguage } from '../../i18n/acceptLanguage.ts';
import { translateNow } from '../../i18n/translateNow.ts';

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
  sameCustomer: (id: string) => ['leads', 'same-customer', id] as const,
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
      requestJson({ path: `/api/v1/leads?${params.toString()}`, schema: leadPageSchema, signal }),
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** The lead's customer's other sign-up leads (same company and e-mail), newest first. */
export function useSameCustomerLeads(id: string | null) {
  return useQuery({
    queryKey: leadKeys.sameCustomer(id ?? ''),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/leads/${encodeURIComponent(id ?? '')}/same-customer`,
        schema: duplicateLeadListSchema,
        signal,
      }),
    enabled: id !== null,
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

/**
 * Downloads the CSV of leads filed in `range` with the reason for it (kept in the access log): what
 * a role that gets the contacts in clear sends instead of following the plain link.
 */
export function exportLeadsWithReason(range: LeadDateRange, reason: string): Promise<string> {
  return downloadCsv({
    path: '/api/v1/leads/export.csv',
    bodySchema: exportLeadsRequestSchema,
    body: { from: range.from || undefined, to: range.to || undefined, reason },
    fallbackFileName: 'leads.csv',
  });
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
  // In the app's language, as every other request (requestJson): the refusal is shown as worded.
  const headers = new Headers({
    'content-type': 'application/pdf',
    accept: 'application/json',
    'accept-language': acceptLanguage(),
  });
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
      translateNow('common.requestFailed', { status: response.status }),
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

/** Records a callback outcome. */
export function recordOutcomeRequest(
  id: string,
  body: z.input<typeof recordCallbackOutcomeSchema>,
): Promise<Lead> {
  return requestJson({
    method: 'POST',
    path: `/api/v1/leads/${encodeURIComponent(id)}/callback-outcome`,
    bodySchema: recordCallbackOutcomeSchema,
    body,
    schema: leadSchema,
  });
}

/** Reveals a lead's contact details with a reason (logged). */
export function revealLeadRequest(id: string, reason: string) {
  return requestJson({
    method: 'POST',
    path: `/api/v1/leads/${encodeURIComponent(id)}/reveal`,
    bodySchema: revealLeadSchema,
    body: { reason },
    schema: revealedLeadSchema,
  });
}

/** Sends a lead's brochure e-mail again now (a given-up or waiting one); the server never sends it twice. */
export function resendBrochureRequest(id: string): Promise<Lead> {
  return requestJson({
    method: 'POST',
    path: `/api/v1/leads/${encodeURIComponent(id)}/brochure/resend`,
    schema: leadSchema,
  });
}
