/**
 * An `application/x-www-form-urlencoded` body as an object: a key given once is a string, a key
 * repeated (`user[]=A&user[]=B`, as Zammad's generic CTI sends several agents) is a list.
 */
export function parseFormBody(body: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = parsed[key];
    if (existing === undefined) parsed[key] = value;
    else parsed[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return parsed;
}
