import { DAY_MS, seoulWeekday } from '../../../domain/calendar/toSeoulDay.ts';
import type { LiveFloorFigureId } from '../../../domain/floor/liveFloorFigures.ts';
import type { ReportBucket } from '../../../domain/report/reportBuckets.ts';
import type {
  BacklogAgeBucket,
  ReportFigureId,
  ReportGroupBy,
} from '../../../domain/report/reportFigureIds.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';

const backlogAgeMessages = {
  'under-4h': msg('reports.backlogAge.under4h'),
  '4h-1d': msg('reports.backlogAge.from4hTo1d'),
  '1d-3d': msg('reports.backlogAge.from1dTo3d'),
  'over-3d': msg('reports.backlogAge.over3d'),
} as const satisfies Record<BacklogAgeBucket, unknown>;

const weekdays: Readonly<Record<Locale, readonly string[]>> = {
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The words the reports and the live floor answer with, in the request's language (Korean by
 * default, the published names and formulas): figure names, the formulas they are counted by,
 * backlog age buckets and series points. The ids and keys beside them stay the same in every
 * language.
 */
export const reportLabels = {
  figure: (locale: Locale, id: ReportFigureId | LiveFloorFigureId): string =>
    translate(locale, msg(`reports.figure.${id}`)),

  /** The formula a figure is counted by (its `definition`), as supervisors read it beside the figure. */
  definition: (locale: Locale, id: ReportFigureId | LiveFloorFigureId): string =>
    translate(locale, msg(`reports.definition.${id}`)),

  backlogAge: (locale: Locale, bucket: BacklogAgeBucket): string =>
    translate(locale, backlogAgeMessages[bucket]),

  /**
   * A series point: 11월 25일 (수) · Wed, Nov 25; 11월 23일 주 · Week of Nov 23 (with the days it
   * counts when the range cuts it: 11월 23일 주 (11월 24일만) · Week of Nov 23 (Nov 24 only));
   * 11월 25일 14시 · Nov 25, 14:00.
   */
  bucket: (
    locale: Locale,
    groupBy: ReportGroupBy,
    bucket: Pick<ReportBucket, 'key' | 'firstDay' | 'lastDay'>,
  ): string => {
    const dateOf = (key: string) => {
      const month = Number(key.slice(5, 7));
      const dayOfMonth = Number(key.slice(8, 10));
      return locale === 'ko' ? `${month}월 ${dayOfMonth}일` : `${months[month - 1]} ${dayOfMonth}`;
    };
    const date = dateOf(bucket.key);
    if (groupBy === 'hour') {
      return translate(locale, msg('reports.bucket.hour', { date, hour: Number(bucket.key.slice(11, 13)) }));
    }
    if (groupBy === 'week') {
      const monday = bucket.key.slice(0, 10);
      const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
      if (bucket.firstDay === monday && bucket.lastDay === sunday)
        return translate(locale, msg('reports.bucket.week', { date }));
      if (bucket.firstDay === bucket.lastDay)
        return translate(locale, msg('reports.bucket.weekOneDay', { date, day: dateOf(bucket.firstDay) }));
      return translate(
        locale,
        msg('reports.bucket.weekCut', { date, first: dateOf(bucket.firstDay), last: dateOf(bucket.lastDay) }),
      );
    }
    const day = Math.floor(Date.parse(`${bucket.key.slice(0, 10)}T00:00:00Z`) / DAY_MS);
    const weekday = weekdays[locale][seoulWeekday(day)] ?? '';
    return translate(locale, msg('reports.bucket.day', { date, weekday }));
  },
};
