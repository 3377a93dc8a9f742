import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../appContext.ts';
import { AppError } from '../errors.ts';
import { msg } from '../i18n/localisedText.ts';
import { can, type Permission } from '../policies.ts';
import type { PublicUser } from '../services/auth/publicUser.ts';
import { type Caller, resolveCredentials } from '../services/auth/resolveCredentials.ts';

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'ieum_session';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Reachable without credentials (login, logout, first-admin setup). */
    public?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller of every /api/v1 request (bearer token or session cookie) and enforces
 * CSRF for cookie-authenticated writes: the browser must echo the session's token in
 * `x-csrf-token`, which a cross-site form cannot do.
 */
async function authentication(app: FastifyInstance, options: { ctx: AppContext }): Promise<void> {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    // The scheme name is case-insensitive (RFC 7235 §2.1): 'bearer …' and 'BEARER …' are Bearer too.
    const bearer = header && /^bearer +/i.test(header) ? header.replace(/^bearer +/i, '').trim() : undefined;
    const sessionToken = request.cookies[SESSION_COOKIE];
    request.caller = await resolveCredentials(options.ctx, { bearer, sessionToken });
    // Checked here, before body validation, so a caller without credentials always gets 401.
    if (!request.caller && !request.routeOptions.config.public) requireUser(request);
    if (request.caller?.via === 'session' && UNSAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== request.caller.csrfToken) {
        throw new AppError('csrf-token-invalid', msg('auth.csrfInvalid'), [
          { where: 'header x-csrf-token', message: msg('auth.csrfInvalidDetail') },
        ]);
      }
    }
  });
}

export const authenticationPlugin = fp(authentication, {
  name: 'authentication',
  dependencies: ['@fastify/cookie'],
});

/** The authenticated user, or a 401 problem. */
export function requireUser(request: FastifyRequest): PublicUser {
  if (!request.caller) throw new AppError('unauthenticated', msg('auth.loginRequired'));
  return request.caller.user;
}

/** The authenticated user holding `permission`, or a 401/403 problem — checked before any data is read. */
export function requirePermission(request: FastifyRequest, permission: Permission): PublicUser {
  const user = requireUser(request);
  if (!can(user.role, permission)) {
    throw new AppError('forbidden', msg('auth.permissionDenied', { permission }));
  }
  return user;
}

/** Sets the session cookie: httpOnly, SameSite=Strict, scoped to the whole site. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  lifetime: { expiresAt: Date; now: Date },
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    // Max-Age, not Expires: a relative lifetime survives a browser clock that disagrees with the
    // server's (a wrong PC clock, or a server running on IEUM_FAKE_NOW).
    maxAge: Math.max(0, Math.floor((lifetime.expiresAt.getTime() - lifetime.now.getTime()) / 1000)),
  });
}
