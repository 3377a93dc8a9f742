import { seoulFormatters } from '../../domain/calendar/seoulFormatters.ts';

/**
 * Korean formats of instants in Asia/Seoul, for code outside React. Screens use `useFormat()`
 * (src/web/i18n), which follows the UI language.
 */
export const seoulTime = seoulFormatters('ko');
