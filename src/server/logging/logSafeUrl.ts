import { maskText } from '../../domain/privacy/maskText.ts';
import { redactPathTokens } from './redactPathTokens.ts';

// Query parameters whose value is a search or a person's contact: a name cannot be told from
// other words (q=홍길동), so these values are never logged, masked or not.
const PERSONAL_QUERY_KEYS = /^(q|query|search|name|phone|email|caller|callerNumber|subject|fileName)$/i;
// Credentials in a query (the first-admin link's /setup?token=…): never logged either.
const CREDENTIAL_QUERY_KEYS = /^(token|access_token|api_key|secret|password)$/i;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed escape is logged as sent; the masking still runs over it.
    return text;
  }
}

/**
 * A request URL as the log may show it. Clients send personal data escaped — the web app's
 * URLSearchParams writes '@' as %40 and spaces as '+' (q=hong%40nuri.co.kr, q=010+7777+2222) — and
 * masking the escaped text missed all of it. The path is unescaped before it is masked; each query
 * value is unescaped as a form value, then dropped for a search or contact parameter and masked
 * for any other. The result is for reading, not for requesting again.
 */
export function logSafeUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  const path = maskText(decoded(redactPathTokens(rawPath)));
  if (queryAt === -1) return path;
  const parameters: string[] = [];
  for (const [key, value] of new URLSearchParams(url.slice(queryAt + 1))) {
    const safeKey = maskText(key);
    if (value === '') parameters.push(safeKey);
    else if (PERSONAL_QUERY_KEYS.test(key) || CREDENTIAL_QUERY_KEYS.test(key))
      parameters.push(`${safeKey}=[redacted]`);
    else parameters.push(`${safeKey}=${maskText(value)}`);
  }
  return parameters.length > 0 ? `${path}?${parameters.join('&')}` : path;
}
