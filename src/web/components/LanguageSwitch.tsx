import { SegmentedControl } from '@mantine/core';
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
  return (
    <SegmentedControl
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
      }}
    />
  );
}
