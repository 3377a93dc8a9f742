/**
 * The string `code` an error carries — Node's system errors ('ENOENT'), PostgreSQL's SQLSTATE
 * ('0A000'), Node's own ('ERR_PARSE_ARGS_…'), nodemailer's ('ETIMEDOUT') — or undefined for
 * anything else. A `catch` receives `unknown`; this is the one narrowing every comparison of a code
 * needs, so none writes it out again.
 */
export function errorCodeOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
