import type { Problem } from '../contract/common/problemSchema.ts';
import { locateProblem } from './http/locateProblem.ts';
import type { Locale } from './i18n/locale.ts';
import { isLocalisedText, type LocalisedText, type MessageParamValue } from './i18n/localisedText.ts';
import { translate } from './i18n/translate.ts';

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
  /** A path that exists, asked with a method it does not take (the answer's Allow header lists them). */
  'method-not-allowed': 405,
  /** The request did not arrive in full within IEUM_REQUEST_TIMEOUT_SECONDS. */
  'request-timeout': 408,
  conflict: 409,
  /** An Idempotency-Key reused with a different request body. */
  'idempotency-key-reused': 422,
  /** An import with refused rows: nothing was written; the problem lists every refused line. */
  'import-refused': 422,
  'account-locked': 423,
  /** A body over the size limit of its route. */
  'payload-too-large': 413,
  /** A body in a media type the route does not read (JSON, or the route's own: PDF, CSV, a form). */
  'unsupported-media-type': 415,
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

/**
 * A message for people: a catalogue key with parameters (`msg('users.notFound', { id })`),
 * rendered in the request's language; or a ready Korean string, sent as it is in every language
 * (older call sites, and texts that are data such as a guide's own sentences).
 */
export type ProblemText = LocalisedText | string;

/** Where a problem was found in the request (JSON pointer-ish path) and what was wrong there. */
export type ProblemDetail = { where: string; message: ProblemText };

/** A ProblemText in one language. */
export function renderProblemText(text: ProblemText, locale: Locale): string {
  return typeof text === 'string' ? text : translate(locale, text);
}

/** An expected failure with a code, a human message and optional per-field details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ProblemDetail[];
  /** The message as a catalogue key and parameters, when it has one; `message` is its Korean form. */
  readonly text: LocalisedText | null;

  constructor(code: ErrorCode, message: ProblemText, details: ProblemDetail[] = []) {
    super(renderProblemText(message, 'ko'));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.text = isLocalisedText(message) ? message : null;
  }

  /** The message in one language. */
  messageIn(locale: Locale): string {
    return this.text ? translate(locale, this.text) : this.message;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return statusByCode[this.code];
  }
}

/** The problem+json body sent for an error. */
export type ProblemBody = Problem & { code: ErrorCode };

/** The key and parameters of a text, as the problem body carries them (nothing for a plain string). */
function keyFields(text: ProblemText): { messageKey?: string; params?: Record<string, MessageParamValue> } {
  return typeof text === 'string' ? {} : { messageKey: text.key, params: { ...text.params } };
}

/**
 * Builds the problem+json body for an AppError, worded in `locale` (Korean unless the request
 * asked for English). `detail` and `errors[].message` are the words; `messageKey` and `params`
 * (top level and per error) say the same for clients that word messages themselves.
 */
export function toProblem(error: AppError, instance?: string, locale: Locale = 'ko'): ProblemBody {
  return {
    type: `https://ieum.dev/problems/${error.code}`,
    title: error.code,
    status: error.status,
    code: error.code,
    detail: error.messageIn(locale),
    ...(error.text ? keyFields(error.text) : {}),
    ...(instance ? { instance } : {}),
    // Always a list (empty when nothing more specific is known), so clients need no special case.
    errors: error.details.map((detail) => {
      const location = locateProblem(detail.where);
      return {
        where: detail.where,
        ...(location ? { in: location.in, pointer: location.pointer } : {}),
        message: renderProblemText(detail.message, locale),
        ...keyFields(detail.message),
      };
    }),
  };
}

/** Status for a code, for callers that build problems without an AppError. */
export function statusForCode(code: ErrorCode): number {
  return statusByCode[code];
}
