import type { Locale } from '../../contract/users/localeSchema.ts';

/**
 * The UI language for someone not signed in: the first of the browser's languages ieum speaks
 * (`navigator.languages`, e.g. `['en-GB', 'ko']` → `en`), Korean when none is.
 */
export function detectBrowserLocale(browserLanguages: readonly string[]): Locale {
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ko') return 'ko';
    if (primary === 'en') return 'en';
  }
  return 'ko';
}
