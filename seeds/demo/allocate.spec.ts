import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate';

describe(allocate.name, () => {
  // weights are quantised on a 1e6 scale, so "close" holds within 2 units for totals up to 1e5
  it('parts are non-negative integers that sum exactly to the total, close to the proportional share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc
          .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 10 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p) && p >= 0).toBe(true);
            if (weights[i] === 0) expect(p).toBe(0);
            expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(2);
          });
        },
      ),
    );
  });

  it('is exact for large totals', () => {
    expect(allocate(46_880_000, [1, 1, 1])).toEqual([15_626_667, 15_626_667, 15_626_666]);
    const parts = allocate(1_234_567_891, [0.3, 0.2, 0.5]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_234_567_891);
  });

  it('rejects a negative or fractional total and weights without a positive one', () => {
    expect(() => allocate(-1, [1])).toThrow(RangeError);
    expect(() => allocate(1.5, [1])).toThrow(RangeError);
    expect(() => allocate(10, [0, 0])).toThrow(RangeError);
    expect(() => allocate(10, [])).toThrow(RangeError);
  });
});
