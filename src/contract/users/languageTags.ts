import type { Locale } from '../../contract/users/localeSchema.ts';

/** The BCP 47 tag each UI language formats dates and numbers with (and sends in Accept-Language). */
export const languageTags: Readonly<Record<Locale, string>> = { ko: 'ko-KR', en: 'en-US' };
