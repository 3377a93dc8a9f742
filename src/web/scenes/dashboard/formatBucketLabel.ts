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

/** Noon (Seoul) of a YYYY-MM-DD date: an instant inside that day, for the formatter. */
const seoulNoonOf = (date: string) => new Date(`${date}T12:00:00+09:00`);

/** The YYYY-MM-DD date `days` after `date`. */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A series point's name on a chart axis, in Asia/Seoul: the server's Korean label (11월 3일 (월),
 * 11월 3일 주, 11월 3일 14시, 11월 3일 주 (11월 4일–11월 5일) for a week the range cuts) in Korean,
 * the same dates written in English otherwise — a cut week with the days it counts, as in Korean.
 */
export function formatBucketLabel(
  locale: Locale,
  groupBy: ReportGroupBy,
  point: { start: string; label: string },
  /** The report's range (Seoul dates, inclusive): the days a week at either end counts. */
  range?: { from: string; to: string },
): string {
  if (locale === 'ko') return point.label;
  if (groupBy !== 'week') return english[groupBy].format(new Date(point.start));
  // The start is the Monday's Seoul midnight, written with its +09:00 offset: its date is the Monday.
  const monday = point.start.slice(0, 10);
  const week = `Week of ${english.week.format(seoulNoonOf(monday))}`;
  if (!range) return week;
  const sunday = addDays(monday, 6);
  // YYYY-MM-DD dates order as strings: the later start and the earlier end.
  const [, first = monday] = [monday, range.from].sort();
  const [last = sunday] = [sunday, range.to].sort();
  if (first === monday && last === sunday) return week;
  const day = (date: string) => english.week.format(seoulNoonOf(date));
  return first === last ? `${week} (${day(first)} only)` : `${week} (${day(first)}–${day(last)})`;
}
