import { z } from 'zod';
import { consultationListSchema } from '../../../contract/consultations/consultationListSchema.ts';
import { accessLogVerificationSchema } from '../../../contract/privacy/accessLogVerificationSchema.ts';
import { requestJson } from '../../api/requestJson.ts';

const revealedSchema = z.object({
  consultationId: z.string(),
  values: z.record(z.string(), z.string().nullable()),
  personalDataErasedAt: z.string().nullable(),
});
/** `POST /api/v1/consultations/{id}/reveal`. */
export type Revealed = z.infer<typeof revealedSchema>;

const accessLogEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z
    .object({
      id: z.string(),
      email: z.string().nullable(),
      name: z.string().nullable(),
      role: z.string().nullable(),
    })
    .nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  subjectIndex: z.string().nullable(),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
/** One access-log row. */
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

const subjectFindingsSchema = z.object({
  subject: z.object({ kind: z.enum(['phone', 'email']), masked: z.string() }),
  consultations: z.array(
    z.object({
      id: z.string(),
      startedAt: z.string(),
      channel: z.string(),
      outcome: z.string().nullish(),
      callerNumber: z.string().nullish(),
      record: z.object({ title: z.string() }).nullish(),
    }),
  ),
  consentRecords: z.array(z.object({ id: z.string(), consultationId: z.string(), agreed: z.boolean() })),
  // Optional: a server from before leads and transfers were covered answers without them.
  leads: z.array(z.object({ id: z.string(), number: z.string() })).default([]),
  transfers: z.array(z.object({ id: z.string(), number: z.string() })).default([]),
});

const destructionSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      recordKind: z.string(),
      recordId: z.string(),
      reason: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** Filters of the access-log search, as the form holds them. */
export type AccessLogFilters = { actor: string; action: string; from: string; to: string };

/** The query string for an access-log search or CSV export; empty filters are left out. */
export function accessLogQuery(filters: AccessLogFilters): string {
  const params = new URLSearchParams();
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  if (filters.action.trim()) params.set('action', filters.action.trim());
  // Dates are Seoul days: from 00:00 of the first to 00:00 after the last.
  if (filters.from) params.set('from', `${filters.from}T00:00:00+09:00`);
  if (filters.to) {
    const end = new Date(`${filters.to}T00:00:00+09:00`);
    end.setUTCDate(end.getUTCDate() + 1);
    params.set('to', end.toISOString());
  }
  return params.toString();
}

/** A data-subject request as the form sends it. */
export type SubjectRequest = { phone?: string; email?: string; reason: string };

/** Calls of the privacy screens. */
export const privacyApi = {
  listConsultations: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/consultations?scope=all&limit=50', schema: consultationListSchema, signal }),
  reveal: (id: string, reason: string) =>
    requestJson({
      method: 'POST',
      path: `/api/v1/consultations/${encodeURIComponent(id)}/reveal`,
      body: { reason },
      schema: revealedSchema,
    }),
  searchAccessLog: (filters: AccessLogFilters, signal?: AbortSignal) =>
    requestJson({
      path: `/api/v1/access-log?${accessLogQuery(filters)}`,
      schema: z.object({ items: z.array(accessLogEntrySchema) }),
      signal,
    }),
  verifyAccessLog: () =>
    requestJson({ path: '/api/v1/access-log/verify', schema: accessLogVerificationSchema }),
  findSubject: (request: SubjectRequest) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/data-subjects/find',
      body: request,
      schema: subjectFindingsSchema,
    }),
  exportSubject: (request: SubjectRequest) =>
    requestJson({ method: 'POST', path: '/api/v1/data-subjects/export', body: request, schema: z.unknown() }),
  deleteSubject: (request: SubjectRequest) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/data-subjects/delete',
      body: request,
      schema: z.object({
        erasedConsultations: z.array(z.string()),
        erasedLeads: z.array(z.string()).default([]),
        erasedTransfers: z.array(z.string()).default([]),
      }),
    }),
  destructionLog: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/destruction-log?limit=100', schema: destructionSchema, signal }),
};
