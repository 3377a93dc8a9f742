import { useCallback } from 'react';
import type { MessageKey } from './catalogue.ts';
import type { MessageParams } from './defineMessages.ts';
import { translate } from './translate.ts';
import { useLocale } from './useLocale.ts';

/** Looks a message up in the current language: `t('queue.title')`, `t('queue.count', { count })`. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translator of the current UI language; the component renders again when the language changes. */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
