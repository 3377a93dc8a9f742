import type { CalendarFacts } from '../calendar/CalendarFacts.ts';
import { subtractBusinessMinutes } from '../calendar/subtractBusinessMinutes.ts';
import type { BacklogAgeBucket } from './reportFigureIds.ts';

/** Korean names of the backlog's age buckets. */
export const backlogAgeBucketLabels: Readonly<Record<BacklogAgeBucket, string>> = {
  'under-4h': '4시간 미만',
  '4h-1d': '4시간–1영업일',
  '1d-3d': '1–3영업일',
  'over-3d': '3영업일 이상',
};

/** Filing-time bounds of one age bucket: filed after `after` (exclusive) and at or before `atOrBefore`. */
export type BacklogAgeRange = { bucket: BacklogAgeBucket; after: Date | null; atOrBefore: Date | null };

/**
 * The filing-time ranges of the backlog's age buckets at `now`, in business time: a transfer is in
 * 4h-1d when 240 to 539 business minutes lie between its filing and now. A business day is the
 * calendar's opening hours (540 minutes for 09–18), so "1 business day" ages the same across a
 * weekend or a substitute holiday. Computed once per report and compared in SQL, so counting
 * millions of transfers needs no calendar arithmetic per row.
 */
export function backlogAgeBoundaries(now: Date, facts: CalendarFacts): BacklogAgeRange[] {
  const dayMinutes = facts.closeMinute - facts.openMinute;
  const fourHours = subtractBusinessMinutes(now, 240, facts);
  const oneDay = subtractBusinessMinutes(now, dayMinutes, facts);
  const threeDays = subtractBusinessMinutes(now, 3 * dayMinutes, facts);
  return [
    { bucket: 'under-4h', after: fourHours, atOrBefore: null },
    { bucket: '4h-1d', after: oneDay, atOrBefore: fourHours },
    { bucket: '1d-3d', after: threeDays, atOrBefore: oneDay },
    { bucket: 'over-3d', after: null, atOrBefore: threeDays },
  ];
}

/** Which bucket a transfer filed at `filedAt` falls in, given the ranges above. */
export function backlogAgeBucketOf(filedAt: Date, ranges: readonly BacklogAgeRange[]): BacklogAgeBucket {
  const at = filedAt.getTime();
  const found = ranges.find(
    (range) =>
      (range.after === null || at > range.after.getTime()) &&
      (range.atOrBefore === null || at <= range.atOrBefore.getTime()),
  );
  return found?.bucket ?? 'under-4h';
}
