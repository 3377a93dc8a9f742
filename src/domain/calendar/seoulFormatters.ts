import { languageTags } from '../../contract/users/languageTags.ts';
import type { Locale } from '../../contract/users/localeSchema.ts';

// Agents and the business calendar are in Korea; the browser's own zone must not matter.
const timeZone = 'Asia/Seoul';

/** Formats of instants (shown in Asia/Seoul) and numbers in one UI language. */
export type SeoulFormatters = {
  /** 14:05 */
  time: (iso: string) => string;
  /** 11월 26일 (목) 09:00 · Thu, Nov 26, 09:00 */
  dateTime: (iso: string) => string;
  /** 2026. 11. 26. · Nov 26, 2026 */
  date: (iso: string) => string;
  /** 14:05 today, else 11. 24. 14:05 · 11/24 14:05 */
  compact: (iso: string, now?: Date) => string;
  /** 1,234 */
  number: (value: number) => string;
};

const dayKey = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function buildFormatters(locale: Locale): SeoulFormatters {
  const tag = languageTags[locale];
  const time = new Intl.DateTimeFormat(tag, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dateTime = new Intl.DateTimeFormat(tag, {
    timeZone,
    month: locale === 'ko' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const date = new Intl.DateTimeFormat(tag, {
    timeZone,
    year: 'numeric',
    month: locale === 'ko' ? 'numeric' : 'short',
    day: 'numeric',
  });
  const shortDate = new Intl.DateTimeFormat(tag, { timeZone, month: 'numeric', day: 'numeric' });
  const number = new Intl.NumberFormat(tag);
  return {
    time: (iso) => time.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    compact: (iso, now = new Date()) => {
      const instant = new Date(iso);
      const sameDay = dayKey.format(instant) === dayKey.format(now);
      return sameDay ? time.format(instant) : `${shortDate.format(instant)} ${time.format(instant)}`;
    },
    number: (value) => number.format(value),
  };
}

const byLocale: Record<Locale, SeoulFormatters> = { ko: buildFormatters('ko'), en: buildFormatters('en') };

/** The formatters of `locale` (built once per language). */
export function seoulFormatters(locale: Locale): SeoulFormatters {
  return byLocale[locale];
}
