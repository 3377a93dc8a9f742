import type { Problem } from '../contract/common/problemSchema.ts';

/**
 * One error vocabulary: each code maps to an HTTP status and becomes an
 * application/problem+json body (RFC 9457) with a stable `code`.
 */
const statusByCode = {
  'bad-request': 400,
  'validation-failed': 400,
  unauthenticated: 401,
  'invalid-credentials': 401,
  forbidden: 403,
  'csrf-token-invalid': 403,
  'not-found': 404,
  /** The request did not arrive in full within IEUM_REQUEST_TIMEOUT_SECONDS. */
  'request-timeout': 408,
  conflict: 409,
  /** An Idempotency-Key reused with a different request body. */
  'idempotency-key-reused': 422,
  /** An import with refused rows: nothing was written; the problem lists every refused line. */
  'import-refused': 422,
  'account-locked': 423,
  /** A path segment longer than the router accepts. */
  'uri-too-long': 414,
  'rate-limited': 429,
  /** Request line and headers beyond Node's header size limit. */
  'headers-too-large': 431,
  'setup-complete': 409,
  internal: 500,
  unavailable: 503,
} as const;

/** A stable error code clients can branch on. */
export type ErrorCode = keyof typeof statusByCode;

/** Where a problem was found in the request (JSON pointer-ish path) and what was wrong there. */
export type ProblemDetail = { where: string; message: string };

/** An expected failure with a code, a human message and optional per-field details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ProblemDetail[];

  constructor(code: ErrorCode, message: string, details: ProblemDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return statusByCode[this.code];
  }
}

/** The problem+json body sent for an error. */
export type ProblemBody = Problem & { code: ErrorCode };

/** Builds the problem+json body for an AppError. */
export function toProblem(error: AppError, instance?: string): ProblemBody {
  return {
    type: `https://ieum.dev/problems/${error.code}`,
    title: error.code,
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(instance ? { instance } : {}),
    // Always a list (empty when nothing more specific is known), so clients need no special case.
    errors: error.details,
  };
}

/** Status for a code, for callers that build problems without an AppError. */
export function statusForCode(code: ErrorCode): number {
  return statusByCode[code];
}
