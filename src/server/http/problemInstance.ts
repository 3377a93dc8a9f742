import { redactCtiToken } from '../logging/redactCtiToken.ts';

/**
 * A problem answer's `instance`: the request's path, without its query (which may carry a caller
 * number) and without a CTI token (a credential the caller's logs must not keep).
 */
export function problemInstance(url: string): string {
  return redactCtiToken(url.split('?')[0] ?? '');
}
