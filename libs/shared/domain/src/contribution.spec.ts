import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalSum } from './decimal';
import { contributionBreakdown, contributionPp, contributionRatePct } from './contribution';
import { yoyPct } from './yoy';

// 规上工业产值 (亿元): 1000 last year → 1080 this year (+8 %). 电子信息 500 → 560, 机械装备 300 → 310, 其他 200 → 210.
const parent = { current: 1080, lastYear: 1000 };
const electronics = { current: 560, lastYear: 500 };
const machinery = { current: 310, lastYear: 300 };
const others = { current: 210, lastYear: 200 };

const amount = fc.integer({ min: 1, max: 10 ** 8 }).map((cents) => cents / 100);
const children = fc.array(fc.record({ current: amount, lastYear: amount }), { minLength: 1, maxLength: 12 });

describe(contributionPp.name, () => {
  it('is the child increase over the parent base, in percentage points', () => {
    expect(contributionPp(electronics, parent.lastYear)).toBe(6); // 60 ÷ 1000 × 100
    expect(contributionPp(machinery, parent.lastYear)).toBe(1);
    expect(contributionPp({ current: 95, lastYear: 100 }, 1000)).toBe(-0.5);
    expect(contributionPp(electronics, null)).toBeNull();
    expect(contributionPp({ current: null, lastYear: 1 }, 1000)).toBeNull();
    expect(contributionPp(electronics, 0)).toBeNull();
  });

  it('adds up over the children to the parent growth rate when the children add up to the parent', () => {
    fc.assert(
      fc.property(children, (kids) => {
        const p = { current: decimalSum(kids.map((k) => k.current)), lastYear: decimalSum(kids.map((k) => k.lastYear)) };
        const total = kids.reduce((sum, k) => sum + (contributionPp(k, p.lastYear) as number), 0);
        const growth = yoyPct(p.current, p.lastYear) as number;
        expect(Math.abs(total - growth)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(growth)));
      }),
    );
  });
});

describe(contributionRatePct.name, () => {
  it('is the child share of the parent increase, in percent', () => {
    expect(contributionRatePct(electronics, parent)).toBe(75); // 60 ÷ 80
    expect(contributionRatePct(machinery, parent)).toBe(12.5);
  });

  it('is undefined when the parent did not change', () => {
    expect(contributionRatePct(electronics, { current: 1000, lastYear: '1000.00' })).toBeNull();
    expect(contributionRatePct(electronics, { current: null, lastYear: 1000 })).toBeNull();
  });

  it('adds up to 100 % over children that add up to the parent', () => {
    fc.assert(
      fc.property(children, (kids) => {
        const p = { current: decimalSum(kids.map((k) => k.current)), lastYear: decimalSum(kids.map((k) => k.lastYear)) };
        const rates = kids.map((k) => contributionRatePct(k, p));
        if (Number(p.current) === Number(p.lastYear)) {
          expect(rates.every((r) => r === null)).toBe(true);
        } else {
          const total = rates.reduce<number>((sum, r) => sum + (r as number), 0);
          const scale = kids.reduce((s, k) => s + Math.abs(k.current - k.lastYear), 0) / Math.abs(Number(p.current) - Number(p.lastYear));
          expect(Math.abs(total - 100)).toBeLessThanOrEqual(1e-9 * 100 * Math.max(1, scale));
        }
      }),
    );
  });
});

describe(contributionBreakdown.name, () => {
  it('lists every child and the remainder 其他 not covered by the children', () => {
    const result = contributionBreakdown(parent, [
      { key: 'electronics', ...electronics },
      { key: 'machinery', ...machinery },
    ]);
    expect(result.parentGrowthPct).toBe(8);
    expect(result.parentIncrease).toBe(80);
    expect(result.items.map((i) => [i.key, i.increase, i.growthPct, i.contributionPp, i.contributionRatePct])).toEqual([
      ['electronics', 60, 12, 6, 75],
      ['machinery', 10, 10 / 3, 1, 12.5],
    ]);
    expect(result.other).toEqual({ increase: 10, growthPct: 5, contributionPp: 1, contributionRatePct: 12.5 });
  });

  it('has no remainder when the children cover the parent, and none when a child is missing', () => {
    const full = contributionBreakdown(parent, [
      { key: 'a', ...electronics },
      { key: 'b', ...machinery },
      { key: 'c', ...others },
    ]);
    expect(full.other).toBeNull();
    const gap = contributionBreakdown(parent, [{ key: 'a', current: null, lastYear: 500 }]);
    expect(gap.other).toBeNull();
    expect(gap.items[0].contributionPp).toBeNull();
  });
});
