import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { assignTransferSchema } from '../../../contract/transfers/assignTransferSchema.ts';
import { assignTransferTypesSchema } from '../../../contract/transfers/assignTransferTypesSchema.ts';
import { changeTransferStatusSchema } from '../../../contract/transfers/changeTransferStatusSchema.ts';
import { commentOnTransferSchema } from '../../../contract/transfers/commentOnTransferSchema.ts';
import { fileTransferHeadersSchema } from '../../../contract/transfers/fileTransferHeadersSchema.ts';
import { fileTransferSchema } from '../../../contract/transfers/fileTransferSchema.ts';
import { listTransfersQuerySchema } from '../../../contract/transfers/listTransfersQuerySchema.ts';
import { mentionCandidateListSchema } from '../../../contract/transfers/mentionCandidateListSchema.ts';
import { postedTransferCommentSchema } from '../../../contract/transfers/postedTransferCommentSchema.ts';
import { previewTransferFilingQuerySchema } from '../../../contract/transfers/previewTransferFilingQuerySchema.ts';
import { revealedTransferSchema } from '../../../contract/transfers/revealedTransferSchema.ts';
import { revealTransferSchema } from '../../../contract/transfers/revealTransferSchema.ts';
import { transferDetailSchema } from '../../../contract/transfers/transferDetailSchema.ts';
import { transferFilingPreviewSchema } from '../../../contract/transfers/transferFilingPreviewSchema.ts';
import { transferIdParamsSchema } from '../../../contract/transfers/transferIdParamsSchema.ts';
import { transferPageSchema } from '../../../contract/transfers/transferPageSchema.ts';
import { transferSchema } from '../../../contract/transfers/transferSchema.ts';
import { transferSettingsSchema } from '../../../contract/transfers/transferSettingsSchema.ts';
import { updateTransferSettingsSchema } from '../../../contract/transfers/updateTransferSettingsSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { revealRateLimit } from '../../plugins/personalDataRateLimits.ts';
import { assignTransfer } from '../../services/transfers/assignTransfer.ts';
import { assignTransferTypes } from '../../services/transfers/assignTransferTypes.ts';
import { changeTransferStatus } from '../../services/transfers/changeTransferStatus.ts';
import { commentOnTransfer } from '../../services/transfers/commentOnTransfer.ts';
import { fileTransfer } from '../../services/transfers/fileTransfer.ts';
import { getTransfer } from '../../services/transfers/getTransfer.ts';
import { getTransferSettings } from '../../services/transfers/getTransferSettings.ts';
import { listMentionCandidates } from '../../services/transfers/listMentionCandidates.ts';
import { listTransfers } from '../../services/transfers/listTransfers.ts';
import { previewTransferFiling } from '../../services/transfers/previewTransferFiling.ts';
import { revealTransfer } from '../../services/transfers/revealTransfer.ts';
import { updateTransferSettings } from '../../services/transfers/updateTransferSettings.ts';
import { problemResponses } from '../schemas.ts';
import { webhookRoutes } from './webhookRoutes.ts';

/** Transfers (이관) to the business team, its queue, and the settings behind them; webhooks too. */
export async function transferRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/transfers',
    {
      schema: {
        tags: ['transfers'],
        summary: 'File a transfer (이관), from a consultation or standalone; idempotent with Idempotency-Key',
        description:
          'Fields missing from the body are pre-filled from the consultation record. A retried request with the same `Idempotency-Key` returns the first transfer (header `Idempotent-Replayed: true`) and never files a second one; the same key with a different body is refused with 422.',
        headers: fileTransferHeadersSchema,
        body: fileTransferSchema,
        response: { 201: transferSchema, ...problemResponses, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'transfer:file');
      const result = await fileTransfer(
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

  r.get(
    '/api/v1/transfers',
    {
      schema: {
        tags: ['transfers'],
        summary: 'The transfer queue, most urgent first (personal data masked); agents see their own',
        querystring: listTransfersQuerySchema,
        response: { 200: transferPageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'transfer:read-own');
      return listTransfers(ctx, user, request.query, answerLocale(request, reply));
    },
  );

  r.get(
    '/api/v1/transfers/preview',
    {
      schema: {
        tags: ['transfers'],
        summary: 'Who a transfer of this inquiry type would be assigned to now, and when it would be due',
        querystring: previewTransferFilingQuerySchema,
        response: { 200: transferFilingPreviewSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'transfer:file');
      return previewTransferFiling(ctx, request.query);
    },
  );

  r.get(
    '/api/v1/transfers/:id',
    {
      schema: {
        tags: ['transfers'],
        summary: 'One transfer with its history and comments (personal data masked)',
        params: transferIdParamsSchema,
        response: { 200: transferDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'transfer:read-own');
      return getTransfer(ctx, user, request.params.id, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/transfers/:id/status',
    {
      schema: {
        tags: ['transfers'],
        summary:
          'Move a transfer through the workflow (접수 → 처리중 → 연락완료 → 종결; 연락불가 with retryAt)',
        params: transferIdParamsSchema,
        body: changeTransferStatusSchema,
        response: { 200: transferSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'transfer:work');
      return changeTransferStatus(ctx, user, request.params.id, request.body, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/transfers/:id/assign',
    {
      schema: {
        tags: ['transfers'],
        summary: "Assign, reassign ('me' takes it) or unassign a transfer; the history keeps every assignee",
        params: transferIdParamsSchema,
        body: assignTransferSchema,
        response: { 200: transferSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'transfer:work');
      return assignTransfer(ctx, user, request.params.id, request.body, answerLocale(request, reply));
    },
  );

  r.post(
    '/api/v1/transfers/:id/comments',
    {
      schema: {
        tags: ['transfers'],
        summary: "Comment on a transfer; '@이름' mentions notify that person",
        description:
          "An '@word' that names nobody who can be mentioned is saved as text and listed in `unresolvedMentions`; nobody is notified for it. `GET /api/v1/transfers/{id}/mention-candidates` lists who can be mentioned.",
        params: transferIdParamsSchema,
        body: commentOnTransferSchema,
        response: { 201: postedTransferCommentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'transfer:comment');
      const comment = await commentOnTransfer(
        ctx,
        user,
        request.params.id,
        request.body,
        answerLocale(request, reply),
      );
      return reply.code(201).send(comment);
    },
  );

  r.get(
    '/api/v1/transfers/:id/mention-candidates',
    {
      schema: {
        tags: ['transfers'],
        summary:
          "Who a comment on the transfer can '@' mention (the business team, supervisors, admins and its filer), for completion",
        params: transferIdParamsSchema,
        response: { 200: mentionCandidateListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'transfer:comment');
      return listMentionCandidates(ctx, user, request.params.id);
    },
  );

  r.post(
    '/api/v1/transfers/:id/reveal',
    {
      config: { rateLimit: revealRateLimit(ctx.env) },
      schema: {
        tags: ['transfers'],
        summary:
          "Reveal a transfer's contact name, phone, e-mail, inquiry, comments and status notes with a reason (logged in the access log)",
        description:
          'For the business team and admins, to call the customer back. The values are in this response only; the reveal is written to the access log (account, time, IP, transfer, reason) before they are returned. 409 when the personal data was already destroyed.',
        params: transferIdParamsSchema,
        body: revealTransferSchema,
        response: { 200: revealedTransferSchema, 409: problemSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'personal-data:reveal');
      return revealTransfer(ctx, user, request.params.id, request.body, { ip: request.ip });
    },
  );

  r.get(
    '/api/v1/transfer-settings',
    {
      schema: {
        tags: ['transfers'],
        summary: 'SLA rule and assignee rotation per inquiry type',
        response: { 200: transferSettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'transfer-settings:read');
      return getTransferSettings(ctx);
    },
  );

  r.put(
    '/api/v1/transfer-settings',
    {
      schema: {
        tags: ['transfers'],
        summary: 'Replace the SLA rule and assignees of the listed inquiry types (admin)',
        body: updateTransferSettingsSchema,
        response: { 200: transferSettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'transfer-settings:manage');
      return updateTransferSettings(ctx, user, request.body);
    },
  );

  r.put(
    '/api/v1/transfer-settings/assignees',
    {
      schema: {
        tags: ['transfers'],
        summary:
          'Set one assignee rotation on every inquiry type, or the listed ones, in one request (admin)',
        body: assignTransferTypesSchema,
        response: { 200: transferSettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'transfer-settings:manage');
      return assignTransferTypes(ctx, user, request.body);
    },
  );

  await webhookRoutes(app, options);
}
