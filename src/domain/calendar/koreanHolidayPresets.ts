import {
  y2018,
  y2019,
  y2020,
  y2021,
  y2022,
  y2023,
  y2024,
  y2025,
  y2026,
  y2027,
} from '@hyunbinseo/holidays-kr/all';

/**
 * The official gazette holidays (월력요항) bundled with `@hyunbinseo/holidays-kr`, keyed by year.
 * Imported statically because it is data, not I/O; the package's async helpers would force every
 * calendar decision to be async for no benefit. Substitute (대체공휴일) and election days are included;
 * weekends are not. Years outside this record are reported as missing data by the calendar.
 */
export const koreanHolidayPresets: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  '2018': y2018,
  '2019': y2019,
  '2020': y2020,
  '2021': y2021,
  '2022': y2022,
  '2023': y2023,
  '2024': y2024,
  '2025': y2025,
  '2026': y2026,
  '2027': y2027,
};
