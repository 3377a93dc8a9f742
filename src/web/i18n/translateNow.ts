import type { MessageKey } from './catalogue.ts';
import type { MessageParams } from './defineMessages.ts';
import { localeStore } from './localeStore.ts';
import { translate } from './translate.ts';

/**
 * A message in the UI language of this moment, for code outside rendering (request helpers,
 * effects, event handlers) where a hook cannot be called. Components render with `useT()`.
 */
export function translateNow(key: MessageKey, params?: MessageParams): string {
  return translate(localeStore.get(), key, params);
}
