import { describe, expect, it } from 'vitest';
import { addRetentionYears } from './addRetentionYears.ts';

describe('addRetentionYears', () => {
  it('keeps the date and time', () => {
    expect(addRetentionYears(new Date('2026-11-25T01:00:00Z'), 3).toISOString()).toBe(
      '2029-11-25T01:00:00.000Z',
    );
  });
  it('ends a 29 February start on 1 March, never earlier', () => {
    expect(addRetentionYears(new Date('2028-02-29T00:00:00Z'), 3).toISOString()).toBe(
      '2031-03-01T00:00:00.000Z',
    );
  });
});
