/**
 * A JSON value whose strings are well-formed UTF-16: a lone surrogate (a request may carry one as
 * "\ud800") becomes U+FFFD. PostgreSQL's jsonb refuses such an escape, which would turn a harmless
 * name into a failed write of the whole request.
 */
export function wellFormedJson<T>(value: T): T {
  if (value === null || value === undefined) return value;
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? item.toWellFormed() : item)),
  );
}
