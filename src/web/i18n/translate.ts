import { languageTags } from '../../contract/users/languageTags.ts';
import type { Locale } from '../../contract/users/localeSchema.ts';
import { catalogue, type MessageKey } from './catalogue.ts';
import type { MessageParams } from './defineMessages.ts';

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  ko: new Intl.NumberFormat(languageTags.ko),
  en: new Intl.NumberFormat(languageTags.en),
};

/**
 * The message `key` in `locale` with its `{name}` placeholders filled from `params` (numbers
 * formatted for the language). A key the language lacks falls back to Korean; the types make that
 * impossible for the catalogue itself, it only guards against a stale bundle.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const message = catalogue[locale].get(key) ?? catalogue.ko.get(key);
  if (message === undefined) return key;
  if (typeof message === 'function') return message(params);
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? numberFormats[locale].format(value) : value;
  });
}
