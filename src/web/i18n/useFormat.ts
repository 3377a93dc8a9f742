import { type SeoulFormatters, seoulFormatters } from '../../domain/calendar/seoulFormatters.ts';
import { useLocale } from './useLocale.ts';

/** Dates (in Asia/Seoul) and numbers formatted for the current UI language. */
export function useFormat(): SeoulFormatters {
  return seoulFormatters(useLocale());
}
