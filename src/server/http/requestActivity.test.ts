import { describe, expect, it } from 'vitest';
import { createRequestActivity } from './requestActivity.ts';

describe('createRequestActivity', () => {
  it('is quiet until a request begins, busy while any is in flight, quiet again once the last ended long enough ago', () => {
    let now = 1_000;
    const activity = createRequestActivity(() => now);
    expect(activity.quietFor(3_000)).toBe(true);

    const first = activity.begin();
    const second = activity.begin();
    expect(activity.quietFor(0)).toBe(false);
    now += 10_000;
    first();
    // One still in flight, however long ago the other ended.
    expect(activity.quietFor(0)).toBe(false);
    second();
    expect(activity.quietFor(0)).toBe(true);
    expect(activity.quietFor(3_000)).toBe(false);
    now += 2_999;
    expect(activity.quietFor(3_000)).toBe(false);
    now += 1;
    expect(activity.quietFor(3_000)).toBe(true);
  });

  it('counts a request once however often its end is reported (a response and an abort both end it)', () => {
    let now = 0;
    const activity = createRequestActivity(() => now);
    const ended = activity.begin();
    const other = activity.begin();
    ended();
    ended();
    // Had the second call counted, the one still in flight would read as none.
    expect(activity.quietFor(0)).toBe(false);
    other();
    now += 5;
    expect(activity.quietFor(5)).toBe(true);
  });
});
