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
