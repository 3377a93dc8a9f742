import type { z } from 'zod';
import { consultationListSchema } from '../../../contract/consultations/consultationListSchema.ts';
import { accessLogListSchema } from '../../../contract/privacy/accessLogListSchema.ts';
import { accessLogVerificationSchema } from '../../../contract/privacy/accessLogVerificationSchema.ts';
import { dataSubjectDeletionSchema } from '../../../contract/privacy/dataSubjectDeletionSchema.ts';
import { dataSubjectExportSchema } from '../../../contract/privacy/dataSubjectExportSchema.ts';
import { dataSubjectFindingsSchema } from '../../../contract/privacy/dataSubjectFindingsSchema.ts';
import { dataSubjectRequestSchema } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import { destructionLogSchema } from '../../../contract/privacy/destructionLogSchema.ts';
import { revealConsultationSchema } from '../../../contract/privacy/revealConsultationSchema.ts';
import { revealedConsultationSchema } from '../../../contract/privacy/revealedConsultationSchema.ts';
import { requestJson } from '../../api/requestJson.ts';

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
export type SubjectRequest = z.input<typeof dataSubjectRequestSchema>;

/** Calls of the privacy screens. */
export const privacyApi = {
  listConsultations: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/consultations?scope=all&limit=50', schema: consultationListSchema, signal }),
  reveal: (id: string, reason: string) =>
    requestJson({
      method: 'POST',
      path: `/api/v1/consultations/${encodeURIComponent(id)}/reveal`,
      bodySchema: revealConsultationSchema,
      body: { reason },
      schema: revealedConsultationSchema,
    }),
  searchAccessLog: (filters: AccessLogFilters, signal?: AbortSignal) =>
    requestJson({
      path: `/api/v1/access-log?${accessLogQuery(filters)}`,
      schema: accessLogListSchema,
      signal,
    }),
  verifyAccessLog: () =>
    requestJson({ path: '/api/v1/access-log/verify', schema: accessLogVerificationSchema }),
  findSubject: (request: SubjectRequest) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/data-subjects/find',
      bodySchema: dataSubjectRequestSchema,
      body: request,
      schema: dataSubjectFindingsSchema,
    }),
  exportSubject: (request: SubjectRequest) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/data-subjects/export',
      bodySchema: dataSubjectRequestSchema,
      body: request,
      schema: dataSubjectExportSchema,
    }),
  deleteSubject: (request: SubjectRequest) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/data-subjects/delete',
      bodySchema: dataSubjectRequestSchema,
      body: request,
      schema: dataSubjectDeletionSchema,
    }),
  destructionLog: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/destruction-log?limit=100', schema: destructionLogSchema, signal }),
};
