/** Where in the request a problem was found, and what was wrong there (from problem+json `errors`). */
export type ApiProblemDetail = { where: string; message: string };

/**
 * A failed API call. `detail` is the server's Korean message and is shown to the agent as is;
 * `code` is the stable machine code to branch on. Network failures use status 0, code "network".
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: ApiProblemDetail[];

  constructor(status: number, code: string, detail: string, errors: ApiProblemDetail[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }
}
