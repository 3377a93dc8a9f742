import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { completeSetupSchema } from '../../../contract/auth/completeSetupSchema.ts';
import { loginSchema } from '../../../contract/auth/loginSchema.ts';
import { sessionSchema } from '../../../contract/auth/sessionSchema.ts';
import { setupStatusSchema } from '../../../contract/auth/setupStatusSchema.ts';
import { problemSchema } from '../../../contract/common/problemSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { requireUser, SESSION_COOKIE, setSessionCookie } from '../../plugins/authentication.ts';
import { endSession } from '../../services/auth/endSession.ts';
import { loginWithPassword } from '../../services/auth/loginWithPassword.ts';
import { adoptFirstLocale } from '../../services/users/adoptFirstLocale.ts';
import { completeSetup } from '../../services/users/completeSetup.ts';
import { needsSetup } from '../../services/users/needsSetup.ts';
import { readPreferences } from '../../services/users/readPreferences.ts';
import { updatePreferences } from '../../services/users/updatePreferences.ts';
import { problemResponses } from '../schemas.ts';

/** Login, logout, the current session, and the first-admin setup. */
export async function authRoutes(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  const { ctx } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: ctx.env.IEUM_LOGINS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password; sets the ieum_session cookie',
        body: loginSchema,
        response: { 200: sessionSchema, 401: problemSchema },
      },
    },
    async (request, reply) => {
      const { locale, ...credentials } = request.body;
      const { user, session } = await loginWithPassword(ctx, { ...credentials, ip: request.ip });
      setSessionCookie(
        reply,
        session.token,
        { expiresAt: session.expiresAt, now: ctx.now() },
        ctx.env.IEUM_SECURE_COOKIES,
      );
      const preferences = locale
        ? await adoptFirstLocale(ctx, user.id, locale)
        : await readPreferences(ctx, user.id);
      return { user, csrfToken: session.csrfToken, preferences };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Log out this session' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current user and CSRF token',
        response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (request.caller?.via !== 'session')
        throw new AppError('bad-request', msg('auth.noSessionForToken'), [
          { where: 'header authorization', message: msg('auth.noSessionForTokenDetail') },
        ]);
      return { user, csrfToken: request.caller.csrfToken, preferences: await readPreferences(ctx, user.id) };
    },
  );

  r.get(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Whether the first admin still has to be created',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ needsSetup: await needsSetup(ctx) }),
  );

  r.post(
    '/api/v1/setup',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Create the first admin from the one-time setup link',
        body: completeSetupSchema,
        response: { 201: sessionSchema, ...problemResponses, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { locale, ...account } = request.body;
      const { user, session } = await completeSetup(ctx, { ...account, ip: request.ip });
      const preferences = locale
        ? await updatePreferences(ctx, user.id, { locale })
        : await readPreferences(ctx, user.id);
      setSessionCookie(
        reply,
        session.token,
        { expiresAt: session.expiresAt, now: ctx.now() },
        ctx.env.IEUM_SECURE_COOKIES,
      );
      return reply.code(201).send({ user, csrfToken: session.csrfToken, preferences });
    },
  );
}
