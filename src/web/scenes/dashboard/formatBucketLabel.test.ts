import { describe, expect, it } from 'vitest';
import { formatBucketLabel } from './formatBucketLabel.ts';

describe('formatBucketLabel', () => {
  it("keeps the server's Korean label and writes Seoul dates in English", () => {
    const point = { start: '2026-11-02T00:00:00+09:00', label: '11월 2일 (월)' };
    expect(formatBucketLabel('ko', 'day', point)).toBe('11월 2일 (월)');
    // Midnight in Seoul is still the 1st in UTC: the label must follow Seoul.
    expect(formatBucketLabel('en', 'day', point)).toBe('Mon, Nov 2');
    expect(formatBucketLabel('en', 'week', point)).toBe('Week of Nov 2');
    expect(formatBucketLabel('en', 'hour', { start: '2026-11-02T14:00:00+09:00', label: '' })).toBe(
      'Nov 2, 14:00',
    );
  });
});

describe('formatBucketLabel for a week the range cuts', () => {
  const week = { start: '2026-12-07T00:00:00+09:00', label: '12월 7일 주 (12월 8일만)' };

  it('names the days the week counts, as the Korean label does', () => {
    expect(formatBucketLabel('en', 'week', week, { from: '2026-12-08', to: '2026-12-08' })).toBe(
      'Week of Dec 7 (Dec 8 only)',
    );
    expect(formatBucketLabel('en', 'week', week, { from: '2026-12-09', to: '2026-12-31' })).toBe(
      'Week of Dec 7 (Dec 9–Dec 13)',
    );
    expect(formatBucketLabel('en', 'week', week, { from: '2026-11-30', to: '2026-12-10' })).toBe(
      'Week of Dec 7 (Dec 7–Dec 10)',
    );
    expect(formatBucketLabel('ko', 'week', week, { from: '2026-12-08', to: '2026-12-08' })).toBe(
      '12월 7일 주 (12월 8일만)',
    );
  });

  it('keeps the plain name for a whole week', () => {
    expect(formatBucketLabel('en', 'week', week, { from: '2026-12-07', to: '2026-12-13' })).toBe(
      'Week of Dec 7',
    );
    expect(formatBucketLabel('en', 'week', week, { from: '2026-11-01', to: '2026-12-31' })).toBe(
      'Week of Dec 7',
    );
  });
});
