import type { Translate } from '../../i18n/useT.ts';

/**
 * A funnel median in words: "3시간 20분" / "3h 20m", "2일 4시간" / "2d 4h" for long waits, "-" when no
 * lead reached the step yet. Minutes may be fractional (a median of two); they are rounded for reading.
 */
export function describeDuration(minutes: number | null, t: Translate): string {
  if (minutes === null) return '-';
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = [
    days > 0 ? t('funnel.duration.days', { days }) : '',
    hours > 0 ? t('funnel.duration.hours', { hours }) : '',
    rest > 0 ? t('funnel.duration.minutes', { minutes: rest }) : '',
  ];
  const text = parts.filter(Boolean).slice(0, 2).join(' ');
  return text || t('funnel.duration.underAMinute');
}
