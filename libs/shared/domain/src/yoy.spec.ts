import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { impliedLastYear, resolveYoy, yoyPct } from './yoy';

describe(yoyPct.name, () => {
  it('computes nominal growth as a clerk would', () => {
    expect(yoyPct(1080, 1000)).toBe(8);
    expect(yoyPct('565', '500')).toBe(13);
    expect(yoyPct(96.8, 100)).toBe(-3.2);
    expect(yoyPct(110, 100)).toBe(10); // (110 − 100) × 100 / 100, not 10.000000000000009
  });

  it('has no growth rate on a missing, zero or negative base', () => {
    expect(yoyPct(100, null)).toBeNull();
    expect(yoyPct(undefined, 100)).toBeNull();
    expect(yoyPct(100, 0)).toBeNull();
    expect(yoyPct(100, -20)).toBeNull();
  });

  it('is undone by impliedLastYear for growth between −90 % and +900 %', () => {
    // Near −100 % the inverse is ill-conditioned (100 + pct cancels); releases do not print such rates.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 10, max: 1000 }), (last, percentOfLast) => {
        const current = (last * percentOfLast) / 100;
        const pct = yoyPct(current, last) as number;
        expect(Math.abs((impliedLastYear(current, pct) as number) - last)).toBeLessThanOrEqual(1e-9 * last);
      }),
    );
  });
});

describe(resolveYoy.name, () => {
  it('keeps a reported (comparable-price) growth even when the levels say otherwise', () => {
    expect(resolveYoy(5.6, 1080, 1000)).toEqual({ pct: 5.6, computed: false });
    expect(resolveYoy(0, 1080, 1000)).toEqual({ pct: 0, computed: false });
  });

  it('computes nominal growth only where none is reported, and labels it', () => {
    expect(resolveYoy(null, 1080, 1000)).toEqual({ pct: 8, computed: true });
    expect(resolveYoy(undefined, 1080, null)).toEqual({ pct: null, computed: false });
  });
});

describe(impliedLastYear.name, () => {
  it('gives 上年同期 from a level and its growth', () => {
    expect(impliedLastYear(1080, 8)).toBe(1000);
    expect(impliedLastYear(968, -3.2)).toBe(1000);
    expect(impliedLastYear(100, -100)).toBeNull();
    expect(impliedLastYear(null, 5)).toBeNull();
  });
});
