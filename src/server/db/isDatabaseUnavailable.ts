import { errorCodeOf } from '../errorCodeOf.ts';

// SQLSTATE classes and codes that mean "the database cannot serve now", not "this query is wrong":
// connection exceptions (08xxx), shutdown and startup (57P01–57P03), too many connections (53300).
const UNAVAILABLE_SQLSTATE = /^(08\w{3}|57P0[1-3]|53300)$/;
// Socket-level failures reaching the server.
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// Messages of node-postgres and PGlite for a lost or closed connection (they carry no code).
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|not currently accepting connections/i;

const MAX_CAUSE_DEPTH = 8;

/**
 * Whether an error (or one of its causes: Drizzle wraps driver errors) says the database is out of
 * reach, so the request should be answered 503 "try again" rather than 500 "we have a bug".
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current instanceof Error; depth++) {
    const code = errorCodeOf(current);
    if (code !== undefined && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
    if (UNAVAILABLE_MESSAGE.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner)))
      return true;
    current = current.cause;
  }
  return false;
}
