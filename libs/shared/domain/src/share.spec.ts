import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isShareTargetAchieved, sharePct } from './share';

describe(sharePct.name, () => {
  it('is A ÷ B × 100: 战新增加值 2000 of GDP 8000 is 25 %', () => {
    expect(sharePct(2000, 8000)).toBe(25);
    expect(sharePct('460.98', '1024.4')).toBe(45);
    expect(sharePct(2000, null)).toBeNull();
    expect(sharePct(2000, 0)).toBeNull();
  });
});

describe(isShareTargetAchieved.name, () => {
  it('decides exactly, where floating division would miss by 1e-14', () => {
    // 规上高技术工业增加值 460.98 ÷ 规上工业增加值 1024.4 is exactly 45 %; 460.98 * 100 / 1024.4 gives 44.99999999999999.
    expect((460.98 * 100) / 1024.4 >= 45).toBe(false);
    expect(isShareTargetAchieved(460.98, 1024.4, 45, 'gte')).toBe(true);
    expect(isShareTargetAchieved(460.98, 1024.4, 45, 'gt')).toBe(false);
    expect(isShareTargetAchieved(2400, 10000, 25, 'gte')).toBe(false);
    expect(isShareTargetAchieved(null, 10000, 25, 'gte')).toBeNull();
    expect(isShareTargetAchieved(1, 0, 25, 'gte')).toBeNull();
  });

  it('agrees with the share computed from the same numbers', () => {
    const amount = fc.integer({ min: 1, max: 10 ** 9 }).map((c) => c / 100);
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 1, max: 1000 }), (a, b, tenths) => {
        const target = tenths / 10;
        const share = sharePct(a, b) as number;
        if (Math.abs(share - target) > 1e-9 * target) expect(isShareTargetAchieved(a, b, target, 'gte')).toBe(share > target);
        expect(isShareTargetAchieved(a, b, target, 'gt')).toBe(isShareTargetAchieved(a, b, target, 'gte') && sharePct(a, b) !== target);
      }),
    );
  });
});
