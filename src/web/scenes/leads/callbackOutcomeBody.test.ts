import { describe, expect, it } from 'vitest';
import { callbackOutcomeBody } from './callbackOutcomeBody.ts';

describe('callbackOutcomeBody', () => {
  it('sends the status and the attempt count the outcome was chosen on, with a 부재중 retry time in Seoul time', () => {
    expect(
      callbackOutcomeBody({
        outcome: 'no-answer',
        retryAt: '2026-11-26T10:00',
        note: '  다시 걸기로 함 ',
        seen: { status: 'new', attempts: 1 },
      }),
    ).toEqual({
      outcome: 'no-answer',
      retryAt: '2026-11-26T10:00:00+09:00',
      note: '다시 걸기로 함',
      expectedStatus: 'new',
      expectedAttempts: 1,
    });
  });

  it('leaves out an empty note and a retry time for another outcome, and still sends a count of none', () => {
    expect(
      callbackOutcomeBody({
        outcome: 'reached',
        retryAt: '2026-11-26T10:00',
        note: '   ',
        seen: { status: 'brochure-sent', attempts: 0 },
      }),
    ).toEqual({ outcome: 'reached', expectedStatus: 'brochure-sent', expectedAttempts: 0 });
  });
});
