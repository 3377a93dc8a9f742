import type { Locale } from '../../contract/users/localeSchema.ts';
import { detectBrowserLocale } from './detectBrowserLocale.ts';
import { commonMessages } from './messages/common.ts';

type Listener = () => void;

function browserLanguages(): readonly string[] {
  // Node has a navigator too (its own locale); outside a page (unit tests) the default is Korean.
  if (typeof document === 'undefined' || typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/**
 * <html lang> follows the UI language from the first paint (screen readers, fonts, hyphenation), and
 * so does the tab's title (tabs, history, bookmarks; index.html's is Korean). The title is read from
 * the shell's area itself: this module runs before the entry has added it to the catalogue.
 */
function showLanguage(locale: Locale): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  const title = commonMessages[locale]['common.documentTitle'];
  if (typeof title === 'string') document.title = title;
}

let current: Locale = detectBrowserLocale(browserLanguages());
showLanguage(current);
const listeners = new Set<Listener>();

/**
 * The UI language of this tab. Outside React too: every API request sends it as Accept-Language.
 * It starts from the browser's language (the login page); the session sets the user's own.
 */
export const localeStore = {
  get: (): Locale => current,
  set: (next: Locale): void => {
    if (next === current) return;
    current = next;
    showLanguage(next);
    for (const listener of listeners) listener();
  },
  /** Back to the browser's language (signed out). */
  reset: (): void => localeStore.set(detectBrowserLocale(browserLanguages())),
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
