import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import { chatTranscriptSchema } from '../../../contract/kakao/chatTranscriptSchema.ts';
import { kakaoConversationListSchema } from '../../../contract/kakao/kakaoConversationListSchema.ts';
import { kakaoHandoffClaimSchema } from '../../../contract/kakao/kakaoHandoffClaimSchema.ts';
import { kakaoHandoffListSchema } from '../../../contract/kakao/kakaoHandoffListSchema.ts';
import { kakaoIdParamsSchema } from '../../../contract/kakao/kakaoIdParamsSchema.ts';
import { kakaoSkillParamsSchema } from '../../../contract/kakao/kakaoSkillParamsSchema.ts';
import { kakaoSkillRequestSchema } from '../../../contract/kakao/kakaoSkillRequestSchema.ts';
import { kakaoSkillResponseSchema } from '../../../contract/kakao/kakaoSkillResponseSchema.ts';
import { kakaoSkillTokenSchema } from '../../../contract/kakao/kakaoSkillTokenSchema.ts';
import { rotateKakaoSkillTokenSchema } from '../../../contract/kakao/rotateKakaoSkillTokenSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { answerLocale } from '../../i18n/answerLocale.ts';
import { requirePermission } from '../../plugins/authentication.ts';
import { answerKakaoSkill } from '../../services/kakao/answerKakaoSkill.ts';
import { checkKakaoSkillToken } from '../../services/kakao/checkKakaoSkillToken.ts';
import { listKakaoConversations } from '../../services/kakao/listKakaoConversations.ts';
import {
  claimKakaoHandoff,
  getChatTranscript,
  listKakaoHandoffs,
} from '../../services/kakao/manageKakaoHandoffs.ts';
import { rotateKakaoSkillToken } from '../../services/kakao/rotateKakaoSkillToken.ts';
import { problemResponses } from '../schemas.ts';

/** The KakaoTalk chatbot: Open Builder's skill endpoint, hand-offs to agents, admin views. */
export async function kakaoRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/v1/channels/kakao/:token/skill',
    {
      // Open Builder authenticates with the secret in the path, not a session or bearer token.
      config: { public: true },
      // The token first: without the right one the endpoint does not exist, whatever the body.
      preValidation: async (request) => {
        const token = Reflect.get(Object(request.params), 'token');
        await checkKakaoSkillToken(ctx, typeof token === 'string' ? token : '');
      },
      schema: {
        tags: ['kakao'],
        summary: 'Kakao i Open Builder skill: the chatbot answers one KakaoTalk message',
        params: kakaoSkillParamsSchema,
        body: kakaoSkillRequestSchema,
        response: { 200: kakaoSkillResponseSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => answerKakaoSkill(ctx, request.body),
  );
  r.post(
    '/api/v1/channels/kakao/skill-token',
    {
      schema: {
        tags: ['kakao'],
        summary: 'Rotate the skill token (the new skill URL is shown once)',
        // Optional (Fastify hands the schema null for no body): a POST without one, as before the
        // overlap existed, stops the old token now.
        body: rotateKakaoSkillTokenSchema.nullish(),
        response: { 201: kakaoSkillTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = requirePermission(request, 'kakao:manage');
      return reply
        .code(201)
        .send(
          await rotateKakaoSkillToken(
            ctx,
            { id: user.id },
            { previousValidMinutes: request.body?.previousValidMinutes },
          ),
        );
    },
  );
  r.get(
    '/api/v1/channels/kakao/handoffs',
    {
      schema: {
        tags: ['kakao'],
        summary: 'KakaoTalk chats handed to agents (waiting and recent)',
        response: { 200: kakaoHandoffListSchema, ...problemResponses },
      },
    },
    async (request) => {
      requirePermission(request, 'kakao:pick-up');
      return listKakaoHandoffs(ctx);
    },
  );
  r.post(
    '/api/v1/channels/kakao/handoffs/:id/claim',
    {
      schema: {
        tags: ['kakao'],
        summary: 'Pick a handed-off chat up: its consultation becomes yours',
        params: kakaoIdParamsSchema,
        response: { 200: kakaoHandoffClaimSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'kakao:pick-up');
      return claimKakaoHandoff(ctx, user, request.params.id);
    },
  );
  r.get(
    '/api/v1/channels/kakao/consultations/:id/transcript',
    {
      schema: {
        tags: ['kakao'],
        summary: "A chat consultation's bot transcript, consent decisions and type",
        params: kakaoIdParamsSchema,
        response: { 200: chatTranscriptSchema, ...problemResponses },
      },
    },
    async (request) => {
      const user = requirePermission(request, 'consultation:read-own');
      return getChatTranscript(ctx, user, request.params.id);
    },
  );
  r.get(
    '/api/v1/channels/kakao/conversations',
    {
      schema: {
        tags: ['kakao'],
        summary: "The chatbot's conversations (masked) with outcome and counts",
        response: { 200: kakaoConversationListSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      requirePermission(request, 'kakao:read');
      return listKakaoConversations(ctx, answerLocale(request, reply));
    },
  );
}
