import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportReportQuerySchema } from '../../../contract/reports/exportReportQuerySchema.ts';
import { exportReportRequestSchema } from '../../../contract/reports/exportReportRequestSchema.ts';
import { reportQuerySchema } from '../../../contract/reports/reportQuerySchema.ts';
import { reportRecordsPageSchema } from '../../../contract/reports/reportRecordsPageSchema.ts';
import { reportRecordsQuerySchema } from '../../../contract/reports/reportRecordsQuerySchema.ts';
import { reportSummarySchema } from '../../../contract/reports/reportSummarySchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { exportRateLimit } from '../../plugins/personalDataRateLimits.ts';
import { checkReportFilters } from '../../services/reports/checkReportFilters.ts';
import { exportReportCsv } from '../../services/reports/exportReportCsv.ts';
import { getReportSummary } from '../../services/reports/getReportSummary.ts';
import { listReportRecords } from '../../services/reports/listReportRecords.ts';
import { problemResponses } from '../schemas.ts';

/** Reports for supervisors and admins: figures with their formulas, drill-down records, consultation CSV. */
export async function reportRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/reports/summary',
    {
      schema: {
        tags: ['reports'],
        summary: 'Report figures over a date range (Asia/Seoul) with their formulas, series and breakdowns',
        description:
          'Consultation figures count consultations started in the range; transfer figures transfers filed in it; callbacks by due or attempt time; transfer.backlog and callbacks.overdue are measured now. Each figure carries its name and its definition (formula) in the request language (Accept-Language; Korean by default); breakdown and series labels follow the language too. Repeat contact uses IEUM_REPEAT_CONTACT_DAYS business days.',
        querystring: reportQuerySchema,
        response: { 200: reportSummarySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'report:read');
      await checkReportFilters(ctx, request.query);
      return getReportSummary(ctx, request.query, answerLocale(request, reply));
    },
  );

  r.get(
    '/api/v1/reports/records',
    {
      schema: {
        tags: ['reports'],
        summary: 'The records behind a figure, series point (bucket) or breakdown segment, masked and paged',
        description:
          'Consultations, transfers or leads as the figure counts them. Reveal a value through the usual reveal endpoints (with a reason; logged).',
        querystring: reportRecordsQuerySchema,
        response: { 200: reportRecordsPageSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'report:read');
      await checkReportFilters(ctx, request.query);
      return listReportRecords(ctx, request.query);
    },
  );

  r.get(
    '/api/v1/reports/export.csv',
    {
      config: { rateLimit: exportRateLimit(ctx.env) },
      schema: {
        tags: ['reports'],
        summary:
          'One CSV row per consultation started in the range (streamed; masked unless the role may see personal data; logged)',
        description:
          'Columns: consultation_id, started_at, completed_at, status, channel, guide_id, inquiry_type, script_id, path, outcome, agent, caller_number, handle_seconds, transfer_number, transfer_kind, repeat_contact (Y/N, empty when not judged), by_bot (Y/N: a consultation of the KakaoTalk chatbot). Errors are problem+json as everywhere.',
        // The body is a stream, so no response schema: the errors are the app's usual problem+json.
        produces: ['text/csv'],
        querystring: exportReportQuerySchema,
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'report:read');
      // Before the export is logged: a refused filter exports nothing.
      await checkReportFilters(ctx, request.query);
      const { stream, fileName } = await exportReportCsv(ctx, user, request.query, { ip: request.ip });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(stream);
    },
  );

  r.post(
    '/api/v1/reports/export.csv',
    {
      config: { rateLimit: exportRateLimit(ctx.env) },
      schema: {
        tags: ['reports'],
        summary: 'The report CSV, saying why (the reason is kept with the export in the access log)',
        description:
          'The file GET gives for the same filters (sent here in the body), with the reason for the download (다운로드 사유) written to the access log with the export — what the web app sends for a role that gets the caller numbers in clear.',
        produces: ['text/csv'],
        body: exportReportRequestSchema,
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'report:read');
      const { reason, ...filters } = request.body;
      await checkReportFilters(ctx, filters);
      const { stream, fileName } = await exportReportCsv(ctx, user, filters, { ip: request.ip, reason });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(stream);
    },
  );
}
