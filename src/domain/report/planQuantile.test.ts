import { describe, expect, it } from 'vitest';
import { interpolateQuantile, planQuantile } from './planQuantile.ts';
import { quantile } from './quantile.ts';

/** Bins values the way the rollup does (any width rule works for the plan). */
function binsOf(values: number[], width: number) {
  const byFloor = new Map<number, number>();
  for (const value of values) {
    const floor = Math.floor(value / width) * width;
    byFloor.set(floor, (byFloor.get(floor) ?? 0) + 1);
  }
  return [...byFloor].sort(([a], [b]) => a - b).map(([floor, count]) => ({ floor, width, count }));
}

/** Reads a plan's value the way the lookup does: the bin's values in order, at the offset. */
function read(values: number[], rank: { floor: number; width: number; offset: number }): number {
  const inBin = values.filter((v) => v >= rank.floor && v < rank.floor + rank.width).sort((a, b) => a - b);
  const value = inBin[rank.offset];
  if (value === undefined) throw new Error('offset outside the bin');
  return value;
}

describe('planQuantile', () => {
  it('gives percentile_cont exactly from two values read in their bins', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (const size of [1, 2, 3, 10, 101, 1_000]) {
      const values = Array.from({ length: size }, () => Math.round(random() * 3_600_000) / 1000);
      const sorted = [...values].sort((a, b) => a - b);
      for (const width of [1, 10, 600]) {
        for (const q of [0, 0.5, 0.9, 1]) {
          const plan = planQuantile(binsOf(values, width), q);
          if (!plan) throw new Error('no plan');
          expect(interpolateQuantile(read(values, plan.lower), read(values, plan.upper), plan.fraction)).toBe(
            quantile(sorted, q),
          );
        }
      }
    }
  });

  it('crosses into the next non-empty bin when the two ranks straddle a bin edge', () => {
    const plan = planQuantile(
      [
        { floor: 0, width: 10, count: 2 },
        { floor: 50, width: 10, count: 2 },
      ],
      0.5,
    );
    expect(plan).toEqual({
      lower: { floor: 0, width: 10, offset: 1 },
      upper: { floor: 50, width: 10, offset: 0 },
      fraction: 0.5,
    });
  });

  it('is null for no values and refuses a q outside 0–1', () => {
    expect(planQuantile([], 0.5)).toBeNull();
    expect(planQuantile([{ floor: 0, width: 1, count: 0 }], 0.5)).toBeNull();
    expect(() => planQuantile([], 1.5)).toThrow(RangeError);
  });
});
