import { redactPathTokens } from '../logging/redactPathTokens.ts';

/**
 * A problem answer's `instance`: the request's path, without its query (which may carry a caller
 * number) and without a peer's path token (CTI, KakaoTalk skill: a credential the caller's logs must
 * not keep).
 */
export function problemInstance(url: string): string {
  return redactPathTokens(url.split('?')[0] ?? '');
}
