import { errorCodeOf } from '../errorCodeOf.ts';

// PostgreSQL's "feature not supported", which it raises as "cached plan must not change result
// type" when a schema change altered the columns a prepared statement returns.
const FEATURE_NOT_SUPPORTED = '0A000';

/**
 * Whether PostgreSQL refused to run a prepared statement because a schema change altered its
 * result columns: the statement is to be prepared again. Both statement caches (PGlite's and the
 * pg pool's) ask.
 */
export function isChangedResultType(error: unknown): boolean {
  return errorCodeOf(error) === FEATURE_NOT_SUPPORTED;
}
