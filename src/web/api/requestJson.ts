import type { z } from 'zod';
import type { Problem } from '../../contract/common/problemSchema.ts';
import { problemSchema } from '../../contract/common/problemSchema.ts';
import { acceptLanguage } from '../i18n/acceptLanguage.ts';
import { localeStore } from '../i18n/localeStore.ts';
import { translate } from '../i18n/translate.ts';
import { ApiError } from './ApiError.ts';
import { csrfTokenStore } from './csrfTokenStore.ts';
import { unauthorizedListener } from './unauthorizedListener.ts';

/**
 * One API call. A body is typed by the contract schema the route validates it with (`bodySchema`,
 * from src/contract): the compiler checks the body against that schema's input; the server
 * validates it and answers a wrong one with a problem naming the field.
 */
export type RequestOptions<T, B extends z.ZodType = z.ZodNever> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the origin, e.g. `/api/v1/consultations`. */
  path: string;
  /** The contract schema of the request body; without it no body can be sent. */
  bodySchema?: B;
  body?: z.input<B>;
  /** Validates the response body with the contract schema (204 responses are validated as `undefined`). */
  schema: z.ZodType<T>;
  /**
   * When true a 401 is an expected answer (the session probe, a wrong password) and is thrown to
   * the caller instead of sending the app back to the login screen.
   */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on a filing that may be retried. */
  headers?: Record<string, string>;
};

async function readProblem(response: Response): Promise<ApiError> {
  const fallback = translate(localeStore.get(), 'common.requestFailed', { status: String(response.status) });
  let parsed: Problem | null = null;
  try {
    const result = problemSchema.safeParse(await response.json());
    if (result.success) parsed = result.data;
  } catch {
    // A proxy error page or an empty body: the status alone still says what happened.
  }
  return new ApiError(
    response.status,
    parsed?.code ?? `http-${response.status}`,
    parsed?.detail ?? parsed?.title ?? fallback,
    parsed?.errors ?? [],
  );
}

/**
 * Calls the ieum API with the session cookie and, for state-changing methods, the CSRF header.
 * Errors become `ApiError` carrying the problem+json detail; a 401 also notifies the app so it
 * returns to the login screen.
 */
export async function requestJson<T, B extends z.ZodType = z.ZodNever>(
  options: RequestOptions<T, B>,
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({
    ...options.headers,
    accept: 'application/json',
    'accept-language': acceptLanguage(),
  });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const csrfToken = csrfTokenStore.get();
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);

  let response: Response;
  try {
    response = await fetch(options.path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', translate(localeStore.get(), 'common.networkError'));
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.expectUnauthorized) unauthorizedListener.notify();
    throw problem;
  }

  const payload: unknown = response.status === 204 ? undefined : await response.json();
  const result = options.schema.safeParse(payload);
  if (!result.success) {
    throw new ApiError(
      response.status,
      'unexpected-response',
      translate(localeStore.get(), 'common.unexpectedResponse', { path: options.path }),
      result.error.issues.map((issue) => ({ where: `/${issue.path.join('/')}`, message: issue.message })),
    );
  }
  return result.data;
}
