import { languageTags } from '../../../contract/users/languageTags.ts';
import type { Locale } from '../../../contract/users/localeSchema.ts';

/** How a figure's value is measured: a count, seconds, business minutes, or a share 0–1. */
export type FigureUnit = 'count' | 'seconds' | 'minutes' | 'ratio';

const units: Record<Locale, { hour: string; minute: string; second: string; space: string }> = {
  ko: { hour: '시간', minute: '분', second: '초', space: ' ' },
  en: { hour: 'h', minute: 'm', second: 's', space: ' ' },
};

/** A span of seconds as people read it: 45초, 3분 20초, 2시간 5분 (or 45s, 3m 20s, 2h 5m). */
export function formatDuration(locale: Locale, totalSeconds: number): string {
  const unit = units[locale];
  const seconds = Math.round(totalSeconds);
  if (seconds < 60) return `${seconds}${unit.second}`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0)
    return minutes > 0 ? `${hours}${unit.hour}${unit.space}${minutes}${unit.minute}` : `${hours}${unit.hour}`;
  const rest = seconds % 60;
  return rest > 0 ? `${minutes}${unit.minute}${unit.space}${rest}${unit.second}` : `${minutes}${unit.minute}`;
}

/**
 * A figure's value for a tile or a chart label: counts with digit grouping, durations in hours,
 * minutes and seconds, shares as percentages; an empty figure (nothing to divide or rank) as "–".
 */
export function formatFigureValue(locale: Locale, unit: FigureUnit, value: number | null): string {
  if (value === null) return '–';
  switch (unit) {
    case 'count':
      return new Intl.NumberFormat(languageTags[locale]).format(value);
    case 'seconds':
      return formatDuration(locale, value);
    case 'minutes':
      return formatDuration(locale, value * 60);
    case 'ratio':
      return new Intl.NumberFormat(languageTags[locale], {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(value);
  }
}
