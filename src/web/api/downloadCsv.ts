import type { z } from 'zod';
import { problemSchema } from '../../contract/common/problemSchema.ts';
import { acceptLanguage } from '../i18n/acceptLanguage.ts';
import { localeStore } from '../i18n/localeStore.ts';
import { translate } from '../i18n/translate.ts';
import { ApiError } from './ApiError.ts';
import { csrfTokenStore } from './csrfTokenStore.ts';
import { fileNameOfContentDisposition } from './fileNameOfContentDisposition.ts';
import { unauthorizedListener } from './unauthorizedListener.ts';

/** A CSV the app asks for with a JSON body (the filters and, for personal data in clear, the reason). */
export type CsvDownloadOptions<B extends z.ZodType> = {
  /** Path under the origin, e.g. `/api/v1/leads/export.csv`. */
  path: string;
  /** The contract schema the route validates the body with; the compiler checks the body against it. */
  bodySchema: B;
  body: z.input<B>;
  /** The file's name when the answer names none (content-disposition). */
  fallbackFileName: string;
};

async function problemOf(response: Response): Promise<ApiError> {
  const fallback = translate(localeStore.get(), 'common.requestFailed', { status: String(response.status) });
  try {
    const problem = problemSchema.safeParse(await response.json());
    if (problem.success) {
      const { code, detail, errors } = problem.data;
      return new ApiError(response.status, code, detail, errors ?? []);
    }
  } catch {
    // A proxy error page or an empty body: the status alone still says what happened.
  }
  return new ApiError(response.status, `http-${response.status}`, fallback);
}

/**
 * POSTs the body and saves the CSV the server answers as a file, named as the server names it —
 * a plain link cannot send a body, and the reason for a download of personal data goes in one.
 * Failures are `ApiError`s as with requestJson (status 0, code "network", when the server was not
 * reached; a 401 also sends the app back to the login screen). Resolves with the file's name.
 */
export async function downloadCsv<B extends z.ZodType>(options: CsvDownloadOptions<B>): Promise<string> {
  const headers = new Headers({
    accept: 'text/csv, application/problem+json',
    'accept-language': acceptLanguage(),
    'content-type': 'application/json',
  });
  const csrfToken = csrfTokenStore.get();
  if (csrfToken) headers.set('x-csrf-token', csrfToken);
  let response: Response;
  let blob: Blob;
  try {
    response = await fetch(options.path, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(options.body),
    });
    if (!response.ok) {
      const problem = await problemOf(response);
      if (response.status === 401) unauthorizedListener.notify();
      throw problem;
    }
    blob = await response.blob();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'network', translate(localeStore.get(), 'common.networkError'));
  }
  const fileName =
    fileNameOfContentDisposition(response.headers.get('content-disposition')) ?? options.fallbackFileName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once click() returns; a later revoke keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
