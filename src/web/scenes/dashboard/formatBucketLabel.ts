import type { Locale } from '../../../contract/users/localeSchema.ts';
import type { ReportGroupBy } from '../../../domain/report/reportFigureIds.ts';

const english = {
  day: new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Seoul',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }),
  week: new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', month: 'short', day: 'numeric' }),
  hour: new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Seoul',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
};

/**
 * A series point's name on a chart axis, in Asia/Seoul: the server's Korean label (11월 3일 (월),
 * 11월 3일 주, 11월 3일 14시) in Korean, the same dates written in English otherwise.
 */
export function formatBucketLabel(
  locale: Locale,
  groupBy: ReportGroupBy,
  point: { start: string; label: string },
): string {
  if (locale === 'ko') return point.label;
  const start = new Date(point.start);
  if (groupBy === 'week') return `Week of ${english.week.format(start)}`;
  return english[groupBy].format(start);
}
