/** Which part of the request a problem is in, as `errors[].in` names it. */
export type RequestPart = 'body' | 'query' | 'path' | 'header';

/** A problem's place in one grammar: the request part, and a JSON Pointer (RFC 6901) into it. */
export type ProblemLocation = { in: RequestPart; pointer: string };

// The prefixes `where` has grown over time, by who wrote them: the schema validation's
// ('body/…', 'querystring/…', 'params/…', 'headers/…') and the services' ('header x', 'path x').
const PREFIXED: ReadonlyArray<readonly [RegExp, RequestPart]> = [
  [/^body(?:\/(.*))?$/, 'body'],
  [/^querystring(?:\/(.*))?$/, 'query'],
  [/^params(?:\/(.*))?$/, 'path'],
  [/^headers(?:\/(.*))?$/, 'header'],
  [/^header (.+)$/, 'header'],
  [/^path (.+)$/, 'path'],
];

/**
 * A problem detail's `where` read in one grammar, for clients mapping problems to fields: the
 * part of the request (`in`) and a JSON Pointer into it (`pointer`, '' for the part itself).
 * `where` stays as it was sent — clients match on it — in the notations it has: a bare pointer
 * ('/record/phone') is the body's, as the services write it. Null for a `where` that names no
 * part of the request (the method).
 */
export function locateProblem(where: string): ProblemLocation | null {
  if (where.startsWith('/')) return { in: 'body', pointer: where };
  for (const [pattern, part] of PREFIXED) {
    const found = pattern.exec(where);
    if (found) return { in: part, pointer: found[1] === undefined ? '' : `/${found[1]}` };
  }
  return null;
}
