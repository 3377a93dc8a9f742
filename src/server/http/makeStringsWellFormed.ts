/** Deepest a request value is walked (bodies are at most 1 MB; the NUL scan stops at the same depth). */
const MAX_DEPTH = 32;

/**
 * Replaces, in place, every lone surrogate in the strings and keys of a parsed request value with
 * U+FFFD, and returns the value. JSON may carry "\ud800"; PostgreSQL's jsonb refuses that escape, so
 * one such character in a name would otherwise fail the whole write with a 500 wherever the value
 * reaches a jsonb column (drafts, record fields, events, the access log). Done once where a request
 * enters, every store and hash downstream sees the same well-formed text.
 */
export function makeStringsWellFormed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.isWellFormed() ? value : value.toWellFormed();
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object' || Buffer.isBuffer(value))
    return value;
  for (const [key, inner] of Object.entries(value)) {
    const fixed = makeStringsWellFormed(inner, depth + 1);
    if (key.isWellFormed()) {
      if (fixed !== inner) Reflect.set(value, key, fixed);
    } else {
      Reflect.deleteProperty(value, key);
      Reflect.set(value, key.toWellFormed(), fixed);
    }
  }
  return value;
}
