import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { bizNoParamsSchema } from '../../../contract/companies/bizNoParamsSchema.ts';
import { companyContactInputSchema } from '../../../contract/companies/companyContactInputSchema.ts';
import { companyContactParamsSchema } from '../../../contract/companies/companyContactParamsSchema.ts';
import { companyContactSchema } from '../../../contract/companies/companyContactSchema.ts';
import { companyPageSchema } from '../../../contract/companies/companyPageSchema.ts';
import { companySchema } from '../../../contract/companies/companySchema.ts';
import { createCompanySchema } from '../../../contract/companies/createCompanySchema.ts';
import { directoryImportQuerySchema } from '../../../contract/companies/directoryImportQuerySchema.ts';
import { directoryImportRefusedSchema } from '../../../contract/companies/directoryImportRefusedSchema.ts';
import { directoryImportReportSchema } from '../../../contract/companies/directoryImportReportSchema.ts';
import { listCompaniesQuerySchema } from '../../../contract/companies/listCompaniesQuerySchema.ts';
import { putCompanySchema } from '../../../contract/companies/putCompanySchema.ts';
import { revealCompanyContactSchema } from '../../../contract/companies/revealCompanyContactSchema.ts';
import { revealedCompanyContactSchema } from '../../../contract/companies/revealedCompanyContactSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError, toProblem } from '../../errors.ts';
import { problemInstance } from '../../http/problemInstance.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { negotiateLocale } from '../../i18n/negotiateLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { revealRateLimit } from '../../plugins/personalDataRateLimits.ts';
import { createCompany } from '../../services/companies/createCompany.ts';
import { deleteCompany } from '../../services/companies/deleteCompany.ts';
import { deleteCompanyContact } from '../../services/companies/deleteCompanyContact.ts';
import { getCompany } from '../../services/companies/getCompany.ts';
import { importDirectory } from '../../services/companies/importDirectory.ts';
import { listCompanies } from '../../services/companies/listCompanies.ts';
import { putCompany } from '../../services/companies/putCompany.ts';
import { directoryFileMediaTypes } from '../../services/companies/readDirectoryFile.ts';
import { revealCompanyContact } from '../../services/companies/revealCompanyContact.ts';
import { writeCompanyContact } from '../../services/companies/writeCompanyContact.ts';
import { problemResponses } from '../schemas.ts';

// An import file may be large: 10,000 contacts are about 1 MB of CSV; XLSX is compressed.
const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The business directory (issue 11): companies by 사업자등록번호 and their registered contacts
 * (관리책임자 / 운영담당자), search by name, 초성, number and phone, masked by default; reveal with
 * a reason; the business management system's idempotent sync (PUT); CSV/XLSX import.
 */
export async function companyRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Import files are the raw body: a CSV (any charset; detected) or an XLSX workbook.
  for (const mediaType of Object.values(directoryFileMediaTypes)) {
    app.addContentTypeParser(mediaType, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }

  r.get(
    '/api/v1/companies',
    {
      schema: {
        tags: ['companies'],
        summary:
          'Search the business directory by 기업명 (part or 초성), 사업자등록번호, a contact’s phone, e-mail or whole name (masked)',
        querystring: listCompaniesQuerySchema,
        response: { 200: companyPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:read');
      return listCompanies(ctx, request.query, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/companies',
    {
      schema: {
        tags: ['companies'],
        summary: 'Register a company with its contacts (409 when the 사업자등록번호 is registered: use PUT)',
        body: createCompanySchema,
        response: { 201: companySchema, 409: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:manage');
      return reply.code(201).send(await createCompany(ctx, request.body, answerLocale(request, reply)));
    },
  );

  r.post(
    '/api/v1/companies/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags: ['companies'],
        summary: 'Import the directory from a CSV (UTF-8 or CP949, detected) or XLSX file sent as the body',
        description:
          'Content-Type `text/csv` or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. Header row in Korean: 기업명, 사업자등록번호, 담당자 이름, 담당자 구분 (관리책임자|운영담당자), 연락처, 이메일; one row per contact, rows of one company share its number. Companies are upserted by 사업자등록번호 and their contacts replaced by the file’s. All or nothing: with any refused row nothing is written (422 listing every refused line). `dryRun=true` only reports. Reasons follow Accept-Language (Korean by default, English).',
        querystring: directoryImportQuerySchema,
        response: {
          200: directoryImportReportSchema,
          422: directoryImportRefusedSchema,
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'directory:manage');
      const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      const type =
        mediaType === directoryFileMediaTypes.xlsx
          ? 'xlsx'
          : mediaType === directoryFileMediaTypes.csv
            ? 'csv'
            : null;
      if (type === null || !Buffer.isBuffer(request.body)) {
        throw new AppError('bad-request', msg('companies.importMediaType'), [
          {
            where: 'header content-type',
            message: msg('companies.importMediaTypeDetail', {
              expected: Object.values(directoryFileMediaTypes).join(', '),
            }),
          },
        ]);
      }
      const report = await importDirectory(ctx, {
        body: request.body,
        type,
        dryRun: request.query.dryRun,
        language: negotiateLocale(request.headers['accept-language']),
        actorId: user.id,
        via: 'api',
      });
      if (report.dryRun || report.imported) return report;
      const locale = negotiateLocale(request.headers['accept-language']);
      const problem = new AppError(
        'import-refused',
        msg('companies.importRefused', { count: report.refused.length }),
        report.refused.map((entry) => ({ where: `/line/${entry.line}`, message: entry.reason })),
      );
      return reply
        .code(problem.status)
        .type('application/problem+json')
        .header('content-language', locale)
        .header('vary', 'Accept-Language')
        .send({ ...toProblem(problem, problemInstance(request.url), locale), ...report });
    },
  );

  r.get(
    '/api/v1/companies/:bizNo',
    {
      schema: {
        tags: ['companies'],
        summary: 'One company by 사업자등록번호 with its contacts (masked)',
        params: bizNoParamsSchema,
        response: { 200: companySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:read');
      return getCompany(ctx, request.params.bizNo, answerLocale(request, reply));
    },
  );

  r.put(
    '/api/v1/companies/:bizNo',
    {
      schema: {
        tags: ['companies'],
        summary:
          'Create or replace a company by 사업자등록번호 (idempotent sync; with contacts, the whole list)',
        params: bizNoParamsSchema,
        body: putCompanySchema,
        response: { 200: companySchema, 201: companySchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:manage');
      const result = await putCompany(ctx, request.params.bizNo, request.body, answerLocale(request, reply));
      return reply.code(result.created ? 201 : 200).send(result.company);
    },
  );

  r.delete(
    '/api/v1/companies/:bizNo',
    {
      schema: {
        tags: ['companies'],
        summary: 'Remove a company and its registered contacts',
        params: bizNoParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:manage');
      await deleteCompany(ctx, request.params.bizNo);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/companies/:bizNo/contacts',
    {
      schema: {
        tags: ['companies'],
        summary: "A company's registered contacts (masked)",
        params: bizNoParamsSchema,
        response: { 200: z.array(companyContactSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:read');
      return (await getCompany(ctx, request.params.bizNo, answerLocale(request, reply))).contacts;
    },
  );

  r.post(
    '/api/v1/companies/:bizNo/contacts',
    {
      schema: {
        tags: ['companies'],
        summary:
          "Register a contact (관리책임자 or 운영담당자) of a company (409 when a phone is another contact's of the company)",
        params: bizNoParamsSchema,
        body: companyContactInputSchema,
        response: { 201: companyContactSchema, 409: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:manage');
      return reply
        .code(201)
        .send(
          await writeCompanyContact(
            ctx,
            request.params.bizNo,
            null,
            request.body,
            answerLocale(request, reply),
          ),
        );
    },
  );

  r.put(
    '/api/v1/companies/:bizNo/contacts/:id',
    {
      schema: {
        tags: ['companies'],
        summary:
          "Replace a registered contact's name, role, phones and e-mails (409 when a phone is another contact's of the company)",
        params: companyContactParamsSchema,
        body: companyContactInputSchema,
        response: { 200: companyContactSchema, 409: problemSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:manage');
      return writeCompanyContact(
        ctx,
        request.params.bizNo,
        request.params.id,
        request.body,
        answerLocale(request, reply),
      );
    },
  );

  r.delete(
    '/api/v1/companies/:bizNo/contacts/:id',
    {
      schema: {
        tags: ['companies'],
        summary: 'Remove a registered contact',
        params: companyContactParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'directory:manage');
      await deleteCompanyContact(ctx, request.params.bizNo, request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/companies/:bizNo/contacts/:id/reveal',
    {
      config: { rateLimit: revealRateLimit(ctx.env) },
      schema: {
        tags: ['companies'],
        summary:
          "Reveal a registered contact's name, phones and e-mails with a reason (logged in the access log)",
        params: companyContactParamsSchema,
        body: revealCompanyContactSchema,
        response: { 200: revealedCompanyContactSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'personal-data:reveal');
      return revealCompanyContact(ctx, user, request.params, request.body, { ip: request.ip });
    },
  );
}
