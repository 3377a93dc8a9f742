import type { z } from 'zod';

/**
 * A request part (params, querystring, headers, body) that does not match its zod schema, with
 * zod's issues as they are, so the error handler can word each one in the caller's language.
 * Fastify sets `validationContext` to the part's name.
 */
export class RequestValidationError extends Error {
  readonly issues: readonly z.core.$ZodIssue[];
  validationContext?: string;
  statusCode = 400;

  constructor(issues: readonly z.core.$ZodIssue[]) {
    super(issues[0]?.message ?? 'invalid request');
    this.name = 'RequestValidationError';
    this.issues = issues;
  }
}
