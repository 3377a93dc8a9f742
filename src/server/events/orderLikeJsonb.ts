const utf8 = new TextEncoder();

/** jsonb's key order: shorter keys first (in UTF-8 bytes), then byte order. */
function compareKeyBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A JSON value with every object's keys in the order PostgreSQL's jsonb keeps them (shorter keys
 * first, then byte order), so an event this instance delivers from memory is, frame for frame,
 * the one another instance reads back from the table. Each key is encoded once, not at every
 * comparison: this runs on every event a finish publishes.
 */
export function orderLikeJsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderLikeJsonb);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => ({ key, bytes: utf8.encode(key), item }));
  entries.sort((a, b) => compareKeyBytes(a.bytes, b.bytes));
  return Object.fromEntries(entries.map(({ key, item }) => [key, orderLikeJsonb(item)]));
}
