import { describe, expect, it } from 'vitest';
import { erasureMessageKey } from './erasureMessageKey.ts';

describe('erasureMessageKey', () => {
  const at = '2026-03-02T01:00:00.000Z';

  it('says nothing while the transfer holds personal data', () => {
    expect(erasureMessageKey({ personalDataErasedAt: null, personalDataErasedBecause: null })).toBeNull();
  });

  it('names the cause: a data-subject request or the end of the retention period', () => {
    expect(
      erasureMessageKey({ personalDataErasedAt: at, personalDataErasedBecause: 'subject-request' }),
    ).toBe('transfers.erased.subjectRequest');
    expect(
      erasureMessageKey({ personalDataErasedAt: at, personalDataErasedBecause: 'retention-ended' }),
    ).toBe('transfers.erased.retention');
  });

  it('still says erased when the cause is not known (an erasure older than the reason)', () => {
    expect(erasureMessageKey({ personalDataErasedAt: at, personalDataErasedBecause: null })).toBe(
      'transfers.erased.unknown',
    );
  });
});
