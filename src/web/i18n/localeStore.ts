import type { Locale } from '../../contract/users/localeSchema.ts';
import { detectBrowserLocale } from './detectBrowserLocale.ts';

type Listener = () => void;

function browserLanguages(): readonly string[] {
  // Node has a navigator too (its own locale); outside a page (unit tests) the default is Korean.
  if (typeof document === 'undefined' || typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

let current: Locale = detectBrowserLocale(browserLanguages());
// <html lang> follows the UI language from the first paint (screen readers, fonts, hyphenation).
if (typeof document !== 'undefined') document.documentElement.lang = current;
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
    if (typeof document !== 'undefined') document.documentElement.lang = next;
    for (const listener of listeners) listener();
  },
  /** Back to the browser's language (signed out). */
  reset: (): void => localeStore.set(detectBrowserLocale(browserLanguages())),
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
