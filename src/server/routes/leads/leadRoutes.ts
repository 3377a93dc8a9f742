import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { brochureInfoSchema } from '../../../contract/leads/brochureInfoSchema.ts';
import { duplicateLeadListSchema } from '../../../contract/leads/duplicateLeadListSchema.ts';
import { exportLeadsQuerySchema } from '../../../contract/leads/exportLeadsQuerySchema.ts';
import { exportLeadsRequestSchema } from '../../../contract/leads/exportLeadsRequestSchema.ts';
import { fileLeadHeadersSchema } from '../../../contract/leads/fileLeadHeadersSchema.ts';
import { fileLeadSchema } from '../../../contract/leads/fileLeadSchema.ts';
import { findDuplicateLeadsSchema } from '../../../contract/leads/findDuplicateLeadsSchema.ts';
import { leadEmailSchema } from '../../../contract/leads/leadEmailSchema.ts';
import { leadFunnelQuerySchema } from '../../../contract/leads/leadFunnelQuerySchema.ts';
import { leadFunnelSchema } from '../../../contract/leads/leadFunnelSchema.ts';
import { leadIdParamsSchema } from '../../../contract/leads/leadIdParamsSchema.ts';
import { leadPageSchema } from '../../../contract/leads/leadPageSchema.ts';
import { leadSchema } from '../../../contract/leads/leadSchema.ts';
import { listLeadsQuerySchema } from '../../../contract/leads/listLeadsQuerySchema.ts';
import { recordCallbackOutcomeSchema } from '../../../contract/leads/recordCallbackOutcomeSchema.ts';
import { replaceBrochureQuerySchema } from '../../../contract/leads/replaceBrochureQuerySchema.ts';
import { revealedLeadSchema } from '../../../contract/leads/revealedLeadSchema.ts';
import { revealLeadSchema } from '../../../contract/leads/revealLeadSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { exportRateLimit, revealRateLimit } from '../../plugins/personalDataRateLimits.ts';
import { exportLeadsCsv } from '../../services/leads/exportLeadsCsv.ts';
import { fileLead } from '../../services/leads/fileLead.ts';
import { findDuplicateLeads } from '../../services/leads/findDuplicateLeads.ts';
import { findSameCustomerLeads } from '../../services/leads/findSameCustomerLeads.ts';
import { getBrochureInfo } from '../../services/leads/getBrochureInfo.ts';
import { getLead } from '../../services/leads/getLead.ts';
import { getLeadEmail } from '../../services/leads/getLeadEmail.ts';
import { getLeadFunnel } from '../../services/leads/getLeadFunnel.ts';
import { listLeads } from '../../services/leads/listLeads.ts';
import { loadBrochure } from '../../services/leads/loadBrochure.ts';
import { recordCallbackOutcome } from '../../services/leads/recordCallbackOutcome.ts';
import { replaceBrochure } from '../../services/leads/replaceBrochure.ts';
import { resendLeadBrochure } from '../../services/leads/resendLeadBrochure.ts';
import { revealLead } from '../../services/leads/revealLead.ts';
import { problemResponses } from '../schemas.ts';

/**
 * Sign-up leads (Q4): intake from a consultation, the business team's list with callbacks due
 * first, callback outcomes, the brochure e-mail as queued or sent, reveal with a reason, the
 * supervisor's funnel and CSV export; and the brochure PDF admins replace.
 */
export async function leadRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Brochure uploads are raw PDF bodies (Content-Type: application/pdf), limited in the handler's route.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  r.post(
    '/api/v1/leads',
    {
      schema: {
        tags: ['leads'],
        summary: 'File a sign-up lead from a consultation that ended on Q4-Y (consent agreed)',
        description:
          'Validates 업체명/담당자/연락처/이메일주소 (and an optional 사업자등록번호 by its check digit) with Korean messages per field, then writes in one transaction: the lead, its transfer (kind lead) to the business team, and the brochure e-mail in the outbox. Save the consultation first: the lead references the consent recorded then.',
        headers: fileLeadHeadersSchema,
        body: fileLeadSchema,
        response: {
          201: leadSchema,
          200: leadSchema,
          409: problemSchema,
          422: problemSchema,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:file');
      const result = await fileLead(
        ctx,
        user,
        request.body,
        request.headers['idempotency-key'],
        answerLocale(request, reply),
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.statusCode).send(result.value);
    },
  );

  r.post(
    '/api/v1/leads/duplicates',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Earlier sign-up leads for the same company and e-mail within 30 days (a warning before filing)',
        description:
          'The e-mail is compared through its blind index, the company name folded (spacing, case, legal form). Anyone who may file a lead may ask; the answer carries no personal data of the customer: each earlier lead names who on the staff filed and holds it, and whether the caller may open it (canOpen).',
        body: findDuplicateLeadsSchema,
        response: { 200: duplicateLeadListSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:file');
      return {
        items: await findDuplicateLeads(
          ctx.database.db,
          ctx.fieldKeys,
          request.body,
          ctx.now(),
          undefined,
          user,
          answerLocale(request, reply),
        ),
      };
    },
  );

  r.get(
    '/api/v1/leads',
    {
      schema: {
        tags: ['leads'],
        summary: 'List leads, callbacks due first (masked)',
        querystring: listLeadsQuerySchema,
        response: { 200: leadPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:read-own');
      return listLeads(ctx, user, request.query, answerLocale(request, reply));
    },
  );

  r.get(
    '/api/v1/leads/funnel',
    {
      schema: {
        tags: ['leads'],
        summary: 'Lead funnel: by status and week, median time from intake to brochure and to first call',
        querystring: leadFunnelQuerySchema,
        response: {
          200: leadFunnelSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      requirePermission(request, 'lead:report');
      return getLeadFunnel(ctx, request.query);
    },
  );

  r.get(
    '/api/v1/leads/export.csv',
    {
      config: { rateLimit: exportRateLimit(ctx.env) },
      schema: {
        tags: ['leads'],
        summary: 'Export leads as CSV (masked unless the role may see personal data; logged)',
        querystring: exportLeadsQuerySchema,
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:report');
      const csv = await exportLeadsCsv(
        ctx,
        user,
        { ...request.query, limit: 1, offset: 0 },
        { ip: request.ip },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="leads-${ctx.now().toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );

  r.post(
    '/api/v1/leads/export.csv',
    {
      config: { rateLimit: exportRateLimit(ctx.env) },
      schema: {
        tags: ['leads'],
        summary: 'Export leads as CSV, saying why (the reason is kept with the export in the access log)',
        description:
          'The file GET gives for the same filters (sent here in the body), with the reason for the download (다운로드 사유) written to the access log with the export — what the web app sends for a role that gets the contacts in clear.',
        body: exportLeadsRequestSchema,
        response: { 200: z.string(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:report');
      const { reason, ...filters } = request.body;
      const csv = await exportLeadsCsv(
        ctx,
        user,
        { ...filters, limit: 1, offset: 0 },
        { ip: request.ip, reason },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="leads-${ctx.now().toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );

  r.get(
    '/api/v1/leads/:id',
    {
      schema: {
        tags: ['leads'],
        summary: 'One lead with its callback history (masked)',
        params: leadIdParamsSchema,
        response: { 200: leadSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:read-own');
      return getLead(ctx, user, request.params.id, answerLocale(request, reply));
    },
  );

  r.get(
    '/api/v1/leads/:id/same-customer',
    {
      schema: {
        tags: ['leads'],
        summary:
          "The lead's customer's other sign-up leads: same company and e-mail, filed from 30 days before it on",
        description:
          'As POST /leads/duplicates answers at intake (the e-mail through its blind index, the company name folded), for a filed lead, newest first: each names who on the staff filed and holds it and whether the caller may open it (canOpen). No personal data of the customer.',
        params: leadIdParamsSchema,
        response: { 200: duplicateLeadListSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:read-own');
      return {
        items: await findSameCustomerLeads(ctx, user, request.params.id, answerLocale(request, reply)),
      };
    },
  );

  r.get(
    '/api/v1/leads/:id/email',
    {
      schema: {
        tags: ['leads'],
        summary:
          "The lead's brochure e-mail from the outbox: subject, body, attachment, queued / sent / failed and why",
        params: leadIdParamsSchema,
        response: {
          200: leadEmailSchema,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:read-own');
      return getLeadEmail(ctx, user, request.params.id, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/leads/:id/callback-outcome',
    {
      schema: {
        tags: ['leads'],
        summary:
          'Record a callback (OB) outcome: reached, no-answer (retry time), wrong-number, signed-up, not-interested',
        params: leadIdParamsSchema,
        body: recordCallbackOutcomeSchema,
        response: { 200: leadSchema, 409: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:work');
      return recordCallbackOutcome(ctx, user, request.params.id, request.body, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/leads/:id/brochure/resend',
    {
      schema: {
        tags: ['leads'],
        summary:
          "Send a lead's brochure e-mail again now: a given-up mail is queued again, a waiting one skips its backoff; never sent twice (409 once sent, or without SMTP)",
        params: leadIdParamsSchema,
        response: { 200: leadSchema, 409: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'lead:work');
      return resendLeadBrochure(ctx, user, request.params.id, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/leads/:id/reveal',
    {
      config: { rateLimit: revealRateLimit(ctx.env) },
      schema: {
        tags: ['leads'],
        summary:
          "Reveal a lead's contact name, phone, e-mail and callback notes with a reason (logged in the access log)",
        params: leadIdParamsSchema,
        body: revealLeadSchema,
        response: {
          200: revealedLeadSchema,
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'personal-data:reveal');
      return revealLead(ctx, user, request.params.id, request.body, { ip: request.ip });
    },
  );

  r.get(
    '/api/v1/admin/brochure',
    {
      schema: {
        tags: ['leads'],
        summary: 'The sign-up brochure now attached (uploaded or the shipped default)',
        response: { 200: brochureInfoSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'brochure:read');
      return getBrochureInfo(ctx);
    },
  );

  r.get(
    '/api/v1/admin/brochure/file',
    {
      schema: {
        tags: ['leads'],
        summary: 'Download the sign-up brochure PDF now attached',
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      requirePermission(request, 'brochure:read');
      const brochure = await loadBrochure(ctx);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(brochure.fileName)}`,
        )
        .send(brochure.content);
    },
  );

  r.put(
    '/api/v1/admin/brochure',
    {
      // The raw PDF is the body; allow it past the app's 1 MB default up to the configured limit.
      bodyLimit: ctx.env.IEUM_BROCHURE_MAX_BYTES + 1,
      schema: {
        tags: ['leads'],
        summary: 'Replace the sign-up brochure: PUT the PDF itself with Content-Type: application/pdf',
        querystring: replaceBrochureQuerySchema,
        response: { 200: brochureInfoSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'brochure:manage');
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('bad-request', msg('leads.brochureMediaType'), [
          { where: 'header content-type', message: msg('leads.brochureMediaTypeDetail') },
        ]);
      }
      return replaceBrochure(ctx, user, { content: request.body, fileName: request.query.fileName });
    },
  );
}
