import type { Guide } from '../guide/guideSchema.ts';

/**
 * The guide's consent notice as read out for a collection of only some of its items: the same
 * text, its item list (`[업체명/담당자/연락처/이메일주소]`, which the guide validator requires to
 * stand in the text as one bracketed list) narrowed to `items`, in the notice's order. The law asks
 * that the notice name what is collected; a callback that takes only a number must not ask consent
 * for four items. Items the notice does not name are ignored; none left → the notice as written.
 */
export function consentNoticeFor(notice: Guide['consentNotice'], items: readonly string[]): string {
  const named = notice.items.filter((item) => items.includes(item));
  if (named.length === 0 || named.length === notice.items.length) return notice.text;
  return notice.text.replace(`[${notice.items.join('/')}]`, `[${named.join('/')}]`);
}
