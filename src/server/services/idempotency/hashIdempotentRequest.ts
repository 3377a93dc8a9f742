import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal requests hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The hash an Idempotency-Key is stored with: of the parsed request's canonical JSON, so key order
 * and whitespace do not make a retry look like another request.
 */
export function hashIdempotentRequest(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
