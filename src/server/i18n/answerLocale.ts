import type { Locale } from './locale.ts';
import { negotiateLocale } from './negotiateLocale.ts';

/**
 * The language of a successful answer whose words the server chooses (history lines, labels): the
 * one Accept-Language asks for (Korean by default), announced with Content-Language and
 * `Vary: Accept-Language` so a cache never hands one caller's language to another.
 */
export function answerLocale(
  request: { headers: { 'accept-language'?: string | string[] | undefined } },
  reply: { header: (name: string, value: string) => unknown },
): Locale {
  const locale = negotiateLocale(request.headers['accept-language']);
  reply.header('content-language', locale);
  reply.header('vary', 'Accept-Language');
  return locale;
}
