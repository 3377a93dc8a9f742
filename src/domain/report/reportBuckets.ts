import { formatSeoulIso } from '../calendar/formatSeoulIso.ts';
import { DAY_MS, seoulDateKey, seoulDayStartMs, seoulWeekday, toSeoulDay } from '../calendar/toSeoulDay.ts';
import type { ReportGroupBy } from './reportFigureIds.ts';

const HOUR_MS = 60 * 60 * 1000;
const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토'];

/**
 * One bucket of a report's series: its key (what clients send back to drill down), start, the
 * first and last Seoul dates it counts (a week at either end of the range counts only the days
 * inside it) and its Korean label.
 */
export type ReportBucket = {
  key: string;
  start: string;
  startMs: number;
  endMs: number;
  firstDay: string;
  lastDay: string;
  label: string;
};

/** A report's range as instants: Seoul midnight starting `from` to Seoul midnight after `to`. */
export function reportRangeOf(from: string, to: string): { startMs: number; endMs: number } {
  return { startMs: seoulDayStartMs(dayOf(from)), endMs: seoulDayStartMs(dayOf(to) + 1) };
}

function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function monthDay(day: number): string {
  const key = seoulDateKey(day);
  return `${Number(key.slice(5, 7))}월 ${Number(key.slice(8, 10))}일`;
}

/** The Monday (Seoul) of the ISO week holding `day`. */
function mondayOf(day: number): number {
  return day - ((seoulWeekday(day) + 6) % 7);
}

/**
 * Every bucket from `from` to `to` (Seoul dates, inclusive) by day, ISO week (Monday first; the
 * first and last weeks may reach outside the range, their records still limited to it) or hour.
 * Empty buckets are listed too, so a chart shows a quiet day as zero rather than skipping it.
 */
export function listReportBuckets(from: string, to: string, groupBy: ReportGroupBy): ReportBucket[] {
  const first = dayOf(from);
  const last = dayOf(to);
  const buckets: ReportBucket[] = [];
  if (groupBy === 'hour') {
    for (let day = first; day <= last; day++) {
      for (let hour = 0; hour < 24; hour++) {
        const startMs = seoulDayStartMs(day) + hour * HOUR_MS;
        buckets.push({
          key: `${seoulDateKey(day)}T${String(hour).padStart(2, '0')}`,
          start: formatSeoulIso(new Date(startMs)),
          startMs,
          endMs: startMs + HOUR_MS,
          firstDay: seoulDateKey(day),
          lastDay: seoulDateKey(day),
          label: `${monthDay(day)} ${hour}시`,
        });
      }
    }
    return buckets;
  }
  const step = groupBy === 'week' ? 7 : 1;
  for (let day = groupBy === 'week' ? mondayOf(first) : first; day <= last; day += step) {
    const startMs = seoulDayStartMs(day);
    const firstCounted = Math.max(day, first);
    const lastCounted = Math.min(day + step - 1, last);
    buckets.push({
      key: seoulDateKey(day),
      start: formatSeoulIso(new Date(startMs)),
      startMs,
      endMs: seoulDayStartMs(day + step),
      firstDay: seoulDateKey(firstCounted),
      lastDay: seoulDateKey(lastCounted),
      label:
        groupBy === 'week'
          ? weekLabel(day, firstCounted, lastCounted)
          : `${monthDay(day)} (${WEEKDAYS[seoulWeekday(day)]})`,
    });
  }
  return buckets;
}

/**
 * A week's label, with the days it counts when the range cuts it: "12월 7일 주" read as the whole
 * week when only Tuesday was in the range.
 */
function weekLabel(monday: number, firstCounted: number, lastCounted: number): string {
  const week = `${monthDay(monday)} 주`;
  if (firstCounted === monday && lastCounted === monday + 6) return week;
  if (firstCounted === lastCounted) return `${week} (${monthDay(firstCounted)}만)`;
  return `${week} (${monthDay(firstCounted)}–${monthDay(lastCounted)})`;
}

/** The key of the bucket holding instant `at`. */
export function reportBucketKeyOf(at: Date, groupBy: ReportGroupBy): string {
  const { day, msOfDay } = toSeoulDay(at.getTime());
  if (groupBy === 'hour')
    return `${seoulDateKey(day)}T${String(Math.floor(msOfDay / HOUR_MS)).padStart(2, '0')}`;
  return seoulDateKey(groupBy === 'week' ? mondayOf(day) : day);
}
