import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMPARATOR_SYMBOL, isTargetAchieved, parseComparator, remainingToTarget } from './comparator';

describe(parseComparator.name, () => {
  it('reads the comparators of plan texts and target files', () => {
    for (const text of ['≥', '>=', '＞＝', '达到', '力争达到', '不低于', '不少于', '2500亿元以上', '达到或超过', 'gte']) expect(parseComparator(text), text).toBe('gte');
    for (const text of ['>', '＞', '超过', '突破', '高于', '大于', 'gt']) expect(parseComparator(text), text).toBe('gt');
  });

  it('never reads an upper bound or an unknown text as ≥ or >', () => {
    for (const text of ['不超过', '≤', '<', '以下', '控制在以内', '约', '']) expect(parseComparator(text), text).toBeNull();
  });

  it('reads back its own symbols', () => {
    expect(parseComparator(COMPARATOR_SYMBOL.gte)).toBe('gte');
    expect(parseComparator(COMPARATOR_SYMBOL.gt)).toBe('gt');
  });
});

describe(isTargetAchieved.name, () => {
  it('distinguishes 达到 from 超过 at the target exactly', () => {
    // 国家级高新技术企业 3500 (≥): reached with 3500. 战新增加值 "> 2500 亿元": not with exactly 2500.
    expect(isTargetAchieved(3500, 3500, 'gte')).toBe(true);
    expect(isTargetAchieved(3499, 3500, 'gte')).toBe(false);
    expect(isTargetAchieved('2500.00', 2500, 'gt')).toBe(false);
    expect(isTargetAchieved('2500.01', 2500, 'gt')).toBe(true);
    expect(isTargetAchieved(0.1 + 0.2, '0.3', 'gte')).toBe(true); // 0.30000000000000004 ≥ 0.3
    expect(isTargetAchieved(null, 2500, 'gte')).toBeNull();
  });

  it('achieves gt only where it achieves gte', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, t) => {
        if (isTargetAchieved(a, t, 'gt')) expect(isTargetAchieved(a, t, 'gte')).toBe(true);
        expect(isTargetAchieved(a, t, 'gte')).toBe(a >= t);
      }),
    );
  });
});

describe(remainingToTarget.name, () => {
  it('is what is still missing, exactly', () => {
    expect(remainingToTarget(3120, 3500)).toBe(380);
    expect(remainingToTarget(1152.4, 1500)).toBe(347.6);
    expect(remainingToTarget(3600, 3500)).toBe(-100);
    expect(remainingToTarget(undefined, 3500)).toBeNull();
  });
});
