import { describe, expect, it } from 'vitest';
import { listReportBuckets } from './reportBuckets.ts';

const labels = (from: string, to: string) =>
  listReportBuckets(from, to, 'week').map((bucket) => bucket.label);

describe('listReportBuckets by week', () => {
  it('labels a week the range cuts with the days it counts', () => {
    // Tuesday only: the week of Monday 12-07 counts one day of seven.
    expect(labels('2026-12-08', '2026-12-08')).toEqual(['12월 7일 주 (12월 8일만)']);
    expect(labels('2026-12-09', '2026-12-22')).toEqual([
      '12월 7일 주 (12월 9일–12월 13일)',
      '12월 14일 주',
      '12월 21일 주 (12월 21일–12월 22일)',
    ]);
  });

  it('keeps the plain label for whole weeks, their key and start the Monday', () => {
    const buckets = listReportBuckets('2026-11-30', '2026-12-13', 'week');
    expect(buckets.map((bucket) => bucket.label)).toEqual(['11월 30일 주', '12월 7일 주']);
    expect(listReportBuckets('2026-12-08', '2026-12-08', 'week')[0]).toMatchObject({
      key: '2026-12-07',
      start: '2026-12-07T00:00:00+09:00',
    });
  });
});
