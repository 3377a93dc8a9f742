import { SegmentedControl } from '@mantine/core';
import { useRef } from 'react';
import { type Locale, localeSchema } from '../../contract/users/localeSchema.ts';
import { localeStore } from '../i18n/localeStore.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useT } from '../i18n/useT.ts';

// Each language is named in itself, so someone who cannot read the current one still finds theirs.
const languageNames: Record<Locale, string> = { ko: '한국어', en: 'English' };

/**
 * 한국어 | English. Switches the UI at once; `onChange` (the header's) also remembers the choice
 * for the signed-in user. Without it (the login page) the choice lasts until someone signs in.
 */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const locale = useLocale();
  const t = useT();
  // A click leaves focus in the switch's radio, where the screen's own keys (Enter to start a
  // call, the queue's letters) would not reach their handlers: after a pointer switch focus goes
  // back to where it was (the page, if that is gone). A keyboard user moving through it with the
  // arrows keeps it.
  const focusBefore = useRef<HTMLElement | null | undefined>(undefined);
  return (
    <SegmentedControl
      onPointerDown={(event) => {
        const active = document.activeElement;
        focusBefore.current =
          active instanceof HTMLElement && !event.currentTarget.contains(active) ? active : null;
      }}
      onKeyDown={() => {
        focusBefore.current = undefined;
      }}
      size="xs"
      aria-label={t('common.language')}
      data-testid="language-switch"
      value={locale}
      data={localeSchema.options.map((value) => ({ value, label: languageNames[value] }))}
      onChange={(value) => {
        const parsed = localeSchema.safeParse(value);
        if (!parsed.success) return;
        localeStore.set(parsed.data);
        onChange?.(parsed.data);
        const before = focusBefore.current;
        focusBefore.current = undefined;
        if (before !== undefined) requestAnimationFrame(() => giveFocusBack(before));
      }}
    />
  );
}

/** Focus back on `element` when it is still on the page, else on the page itself. */
function giveFocusBack(element: HTMLElement | null): void {
  if (element?.isConnected && element !== document.body) {
    element.focus();
    return;
  }
  const active = document.activeElement;
  if (active instanceof HTMLElement) active.blur();
}
