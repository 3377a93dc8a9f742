import { ApiError } from '../../api/ApiError.ts';

/** A failed form submission split into messages for the form's fields and one for the rest. */
export type FormProblems = {
  /** Message per field path, e.g. `email` or `sla/time` (relative to `prefix`). */
  byField: Record<string, string>;
  /** What no shown field can carry (network, permission, a field the form does not have); null if none. */
  general: string | null;
};

/**
 * Places the server's problem+json `errors: [{ where, message }]` next to the form's fields. `where`
 * comes as `body/email` (request validation) or `/email` (service checks); both become `email`.
 * A conflict's message is only "중복", so its detail (which names the value) is shown instead.
 */
export function problemFieldErrors(error: unknown, fields: readonly string[], prefix = ''): FormProblems {
  if (!error) return { byField: {}, general: null };
  if (!(error instanceof ApiError)) {
    return { byField: {}, general: error instanceof Error ? error.message : String(error) };
  }
  const byField: Record<string, string> = {};
  let unplaced = error.errors.length === 0;
  for (const problem of error.errors) {
    const path = problem.where.replace(/^(body|querystring|params)(?=\/|$)/, '').replace(/^\//, '');
    const field = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    if (fields.includes(field) && !(field in byField)) {
      byField[field] = error.code === 'conflict' ? error.detail : problem.message;
    } else {
      unplaced = true;
    }
  }
  return { byField, general: unplaced ? error.detail : null };
}
