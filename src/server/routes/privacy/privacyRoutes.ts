import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { consultationIdParamsSchema } from '../../../contract/consultations/consultationIdParamsSchema.ts';
import { accessLogListSchema } from '../../../contract/privacy/accessLogListSchema.ts';
import { accessLogQuerySchema } from '../../../contract/privacy/accessLogQuerySchema.ts';
import { accessLogVerificationSchema } from '../../../contract/privacy/accessLogVerificationSchema.ts';
import { dataSubjectDeletionSchema } from '../../../contract/privacy/dataSubjectDeletionSchema.ts';
import { dataSubjectExportSchema } from '../../../contract/privacy/dataSubjectExportSchema.ts';
import { dataSubjectFindingsSchema } from '../../../contract/privacy/dataSubjectFindingsSchema.ts';
import { dataSubjectRequestSchema } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import { destructionLogQuerySchema } from '../../../contract/privacy/destructionLogQuerySchema.ts';
import { destructionLogSchema } from '../../../contract/privacy/destructionLogSchema.ts';
import { retentionPurgeReportSchema } from '../../../contract/privacy/retentionPurgeReportSchema.ts';
import { retentionPurgeRequestSchema } from '../../../contract/privacy/retentionPurgeRequestSchema.ts';
import { revealConsultationSchema } from '../../../contract/privacy/revealConsultationSchema.ts';
import { revealedConsultationSchema } from '../../../contract/privacy/revealedConsultationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { exportRateLimit, revealRateLimit } from '../../plugins/personalDataRateLimits.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { deleteDataSubject } from '../../services/privacy/deleteDataSubject.ts';
import { exportAccessLogCsv } from '../../services/privacy/exportAccessLogCsv.ts';
import { exportDataSubject } from '../../services/privacy/exportDataSubject.ts';
import { findDataSubject } from '../../services/privacy/findDataSubject.ts';
import { purgeExpiredPersonalData } from '../../services/privacy/purgeExpiredPersonalData.ts';
import { revealConsultation } from '../../services/privacy/revealConsultation.ts';
import { searchAccessLog } from '../../services/privacy/searchAccessLog.ts';
import { verifyAccessLog } from '../../services/privacy/verifyAccessLog.ts';
import { problemResponses } from '../schemas.ts';

/**
 * Personal data: reveal with a reason, the access log (search, CSV export, chain verification),
 * data-subject requests (find, export, delete), the destruction log and the retention purge.
 */
export async function privacyRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/consultations/:id/reveal',
    {
      config: { rateLimit: revealRateLimit(ctx.env) },
      schema: {
        tags: ['privacy'],
        summary: 'Reveal a consultation’s personal data in clear, with a reason (logged)',
        description:
          'For the business team and admins. The values are in this response only; the reveal is written to the access log (account, time, IP, consultation, reason) before they are returned.',
        params: consultationIdParamsSchema,
        body: revealConsultationSchema,
        response: {
          200: revealedConsultationSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'personal-data:reveal');
      return revealConsultation(ctx, user, request.params.id, request.body, { ip: request.ip });
    },
  );

  r.get(
    '/api/v1/access-log',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Search the access log (접속기록), newest first',
        querystring: accessLogQuerySchema,
        response: { 200: accessLogListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'access-log:read');
      return { items: await searchAccessLog(ctx, request.query) };
    },
  );

  r.get(
    '/api/v1/access-log/export.csv',
    {
      config: { rateLimit: exportRateLimit(ctx.env) },
      schema: {
        tags: ['privacy'],
        summary: 'Export the access log as CSV (same filters; the export is logged)',
        querystring: accessLogQuerySchema,
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'access-log:read');
      const csv = await exportAccessLogCsv(ctx, user, request.query, { ip: request.ip });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="access-log-${ctx.now().toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );

  r.get(
    '/api/v1/access-log/verify',
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Verify the access log’s keyed hash chain and signed checkpoint (detects altered, removed or inserted rows)',
        response: {
          200: accessLogVerificationSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      requirePermission(request, 'access-log:read');
      return verifyAccessLog(ctx);
    },
  );

  r.post(
    '/api/v1/data-subjects/find',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Find everything held about a phone number or email (masked; logged)',
        description: 'POST so the phone number or email never appears in a URL.',
        body: dataSubjectRequestSchema,
        response: {
          200: dataSubjectFindingsSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'data-subject:manage');
      return findDataSubject(ctx, user, request.body, { ip: request.ip });
    },
  );

  r.post(
    '/api/v1/data-subjects/export',
    {
      config: { rateLimit: exportRateLimit(ctx.env) },
      schema: {
        tags: ['privacy'],
        summary: 'Export everything held about a phone number or email as JSON, in clear (logged)',
        body: dataSubjectRequestSchema,
        response: {
          200: dataSubjectExportSchema,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'data-subject:manage');
      const exported = await exportDataSubject(ctx, user, request.body, { ip: request.ip });
      return reply
        .header('content-disposition', 'attachment; filename="data-subject-export.json"')
        .send(exported);
    },
  );

  r.post(
    '/api/v1/data-subjects/delete',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Erase everything held about a phone number or email (destruction logged)',
        body: dataSubjectRequestSchema,
        response: {
          200: dataSubjectDeletionSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'data-subject:manage');
      return deleteDataSubject(ctx, user, request.body, { ip: request.ip });
    },
  );

  r.get(
    '/api/v1/destruction-log',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Recent destructions of personal data (what, when, why — never the values)',
        querystring: destructionLogQuerySchema,
        response: {
          200: destructionLogSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      requirePermission(request, 'retention:manage');
      const rows = await destructionLogRepository.listRecent(ctx.database.db, request.query.limit);
      return { items: rows.map((row) => ({ ...row, at: row.at.toISOString() })) };
    },
  );

  r.post(
    '/api/v1/retention/purge',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Run the retention purge now (dryRun lists what would go)',
        body: retentionPurgeRequestSchema,
        response: {
          200: retentionPurgeReportSchema,
          ...problemResponses,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      requirePermission(request, 'retention:manage');
      return purgeExpiredPersonalData(ctx, { dryRun: request.body.dryRun });
    },
  );
}
