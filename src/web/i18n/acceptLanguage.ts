import { languageTags } from '../../contract/users/languageTags.ts';
import { localeStore } from './localeStore.ts';

/** The Accept-Language header of every API request: the UI's language, so errors come back in it. */
export function acceptLanguage(): string {
  const locale = localeStore.get();
  return `${languageTags[locale]},${locale};q=0.9`;
}
