import { describe, expect, it } from 'vitest';
import { movesPreviewOf } from './movesPreviewOf.ts';

describe('movesPreviewOf', () => {
  const concerns = movesPreviewOf('business-inquiry', 4);

  it('takes the events of the same guide and type', () => {
    expect(concerns({ guideId: 'business-inquiry', inquiryType: 4 })).toBe(true);
  });

  it('leaves another type, or the same number in another guide', () => {
    expect(concerns({ guideId: 'business-inquiry', inquiryType: 5 })).toBe(false);
    expect(concerns({ guideId: 'partner-inquiry', inquiryType: 4 })).toBe(false);
  });

  it('takes an event without its guide (stored before transfers carried it) or one it cannot read', () => {
    expect(concerns({ guideId: null, inquiryType: 4 })).toBe(true);
    expect(concerns(null)).toBe(true);
    expect(concerns({ something: 'else' })).toBe(true);
  });
});
