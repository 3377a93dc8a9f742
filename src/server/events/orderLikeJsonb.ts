const utf8 = new TextEncoder();

function compareKeys(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * A JSON value with every object's keys in the order PostgreSQL's jsonb keeps them (shorter keys
 * first, then byte order), so an event this instance delivers from memory is, frame for frame,
 * the one another instance reads back from the table.
 */
export function orderLikeJsonb(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderLikeJsonb);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => compareKeys(a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, orderLikeJsonb(item)]));
}
