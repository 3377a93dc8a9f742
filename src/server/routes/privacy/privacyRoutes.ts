import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channelSchema } from '../../../contract/common/channelSchema.ts';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { accessLogVerificationSchema } from '../../../contract/privacy/accessLogVerificationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { deleteDataSubject } from '../../services/privacy/deleteDataSubject.ts';
import { exportAccessLogCsv } from '../../services/privacy/exportAccessLogCsv.ts';
import { exportDataSubject } from '../../services/privacy/exportDataSubject.ts';
import { findDataSubject } from '../../services/privacy/findDataSubject.ts';
import { purgeExpiredPersonalData } from '../../services/privacy/purgeExpiredPersonalData.ts';
import { dataSubjectSchema } from '../../services/privacy/resolveDataSubject.ts';
import {
  revealableFields,
  revealConsultation,
  revealRequestSchema,
} from '../../services/privacy/revealConsultation.ts';
import { accessLogQuerySchema, searchAccessLog } from '../../services/privacy/searchAccessLog.ts';
import { verifyAccessLog } from '../../services/privacy/verifyAccessLog.ts';
import { problemResponses } from '../schemas.ts';

const accessLogEntrySchema = z
  .object({
    id: z.number().int(),
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
    subjectIndex: z.string().nullable().describe('Blind index (keyed hash) of the subject’s phone or email'),
    ip: z.string().nullable(),
    reason: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    hash: z.string().nullable(),
  })
  .meta({ id: 'AccessLogEntry' });

const consentRecordSchema = z
  .object({
    id: z.uuid(),
    consultationId: z.uuid(),
    noticeId: z.string(),
    noticeVersion: z.string(),
    noticeTextSha256: z.string(),
    agreed: z.boolean(),
    items: z.array(z.string()),
    purpose: z.string(),
    retentionYears: z.number().int(),
    retentionBasis: z.string(),
    retentionEndsAt: z.string(),
    agentId: z.uuid(),
    channel: channelSchema,
    recordedAt: z.string(),
  })
  .meta({ id: 'ConsentRecord' });

const subjectSchema = z.object({ kind: z.enum(['phone', 'email']), masked: z.string() });
const idParams = z.object({ id: z.uuid('상담 id 형식이 올바르지 않습니다') });

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
      schema: {
        tags: ['privacy'],
        summary: 'Reveal a consultation’s personal data in clear, with a reason (logged)',
        description:
          'For the business team and admins. The values are in this response only; the reveal is written to the access log (account, time, IP, consultation, reason) before they are returned.',
        params: idParams,
        body: revealRequestSchema,
        response: {
          200: z.object({
            consultationId: z.uuid(),
            values: z.partialRecord(z.enum(revealableFields), z.string().nullable()),
            personalDataErasedAt: z.string().nullable(),
          }),
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
        response: { 200: z.object({ items: z.array(accessLogEntrySchema) }), ...problemResponses },
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
        body: dataSubjectSchema,
        response: {
          200: z.object({
            subject: subjectSchema,
            consultations: z.array(z.looseObject({ id: z.uuid() })),
            consentRecords: z.array(consentRecordSchema),
            leads: z.array(z.looseObject({ id: z.uuid() })).describe('Sign-up leads holding it (masked)'),
            transfers: z
              .array(z.looseObject({ id: z.uuid() }))
              .describe('Transfers filed from those consultations and leads (masked)'),
          }),
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
      schema: {
        tags: ['privacy'],
        summary: 'Export everything held about a phone number or email as JSON, in clear (logged)',
        body: dataSubjectSchema,
        response: {
          200: z.looseObject({ exportedAt: z.string(), subject: subjectSchema }),
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
        body: dataSubjectSchema,
        response: {
          200: z.object({
            subject: subjectSchema,
            erasedConsultations: z.array(z.uuid()),
            erasedLeads: z.array(z.uuid()),
            erasedTransfers: z.array(z.uuid()),
          }),
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
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number().int(),
                at: z.string(),
                recordKind: z.string(),
                recordId: z.string(),
                reason: z.string(),
                actorId: z.string().nullable(),
                detail: z.record(z.string(), z.unknown()),
              }),
            ),
          }),
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
        body: z.strictObject({ dryRun: z.boolean().default(true) }),
        response: {
          200: z.object({
            dryRun: z.boolean(),
            at: z.string(),
            records: z.array(z.object({ kind: z.string(), id: z.string(), retentionEndedAt: z.string() })),
            accessLogRows: z.number().int(),
          }),
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
