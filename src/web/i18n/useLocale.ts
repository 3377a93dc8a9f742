import { useSyncExternalStore } from 'react';
import type { Locale } from '../../contract/users/localeSchema.ts';
import { localeStore } from './localeStore.ts';

/** The UI language; the component renders again when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(localeStore.subscribe, localeStore.get, localeStore.get);
}
