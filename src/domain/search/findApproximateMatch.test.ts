import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findApproximateMatch } from './findApproximateMatch.ts';
import { toJamo } from './toJamo.ts';

describe('findApproximateMatch', () => {
  it('counts a missing final consonant as one jamo edit', () => {
    expect(findApproximateMatch(toJamo('교통유바금'), toJamo('교통유발금'), 1)?.distance).toBe(1);
  });

  it('counts a wrong vowel as one jamo edit', () => {
    expect(findApproximateMatch(toJamo('비즈니수'), toJamo('비즈니스'), 1)?.distance).toBe(1);
    expect(findApproximateMatch(toJamo('졍산'), toJamo('정산'), 1)?.distance).toBe(1);
  });

  it('finds the pattern anywhere in the text unless anchored', () => {
    const match = findApproximateMatch(toJamo('유바금'), toJamo('교통유발금'), 1);
    expect(match?.distance).toBe(1);
    expect(
      findApproximateMatch(toJamo('유바금'), toJamo('교통유발금'), 1, { anchorStart: true }),
    ).toBeUndefined();
  });

  it('gives up beyond the allowed distance', () => {
    expect(findApproximateMatch(toJamo('미수금'), toJamo('교통유발금'), 1)).toBeUndefined();
  });

  it('finds any substring at distance 0, with its offsets', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const match = findApproximateMatch(text.slice(start, end), text, 0);
        return match?.distance === 0 && text.slice(match.start, match.end) === text.slice(start, end);
      }),
    );
  });

  it('never reports more than one edit for a single substitution', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 20 }), fc.nat(), (text, at) => {
        const i = at % text.length;
        const changed = `${text.slice(0, i)}\u0000${text.slice(i + 1)}`;
        return (findApproximateMatch(changed, text, 1)?.distance ?? 99) <= 1;
      }),
    );
  });
});
