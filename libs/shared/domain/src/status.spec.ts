import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type TargetStatus,
  TARGET_STATUS_LABELS,
  assessAnnualTarget,
  assessGrowthTarget,
  assessLevelTarget,
  onTrackRatio,
  statusFromOnTrackRatio,
  statusFromProgressGap,
} from './status';
import { DEFAULT_STATUS_THRESHOLDS, resolveStatusThresholds } from './thresholds';

const RANK: Record<Exclude<TargetStatus, 'no_data'>, number> = { behind: 0, at_risk: 1, on_track: 2, ahead: 3 };
const rank = (s: TargetStatus) => (s === 'no_data' ? -1 : RANK[s]);

// 生物医药与健康: 776 亿元 (2020) → 1500 亿元 (2025); planned 2023 ≈ 1152.39 (see multi-year.spec.ts).
const bio = { baseline: { year: 2020, value: 776 }, target: { year: 2025, value: 1500 } };

describe(statusFromOnTrackRatio.name, () => {
  it('applies the default thresholds at their edges', () => {
    expect(statusFromOnTrackRatio(1.05)).toBe('ahead');
    expect(statusFromOnTrackRatio(1.0499)).toBe('on_track');
    expect(statusFromOnTrackRatio(0.95)).toBe('on_track');
    expect(statusFromOnTrackRatio(0.9499)).toBe('at_risk');
    expect(statusFromOnTrackRatio(0.6)).toBe('at_risk');
    expect(statusFromOnTrackRatio(0.5999)).toBe('behind');
    expect(statusFromOnTrackRatio(-0.2)).toBe('behind');
    expect(statusFromOnTrackRatio(null)).toBe('no_data');
    expect(statusFromOnTrackRatio(Number.NaN)).toBe('no_data');
  });

  it('uses the thresholds it is given', () => {
    expect(statusFromOnTrackRatio(0.9, resolveStatusThresholds({ onTrackRatio: 0.9 }))).toBe('on_track');
  });

  it('never gives a worse status to a better ratio', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 3, noNaN: true }), fc.double({ min: -2, max: 3, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(statusFromOnTrackRatio(lo))).toBeLessThanOrEqual(rank(statusFromOnTrackRatio(hi)));
      }),
    );
  });
});

describe(statusFromProgressGap.name, () => {
  it('applies the default pp thresholds', () => {
    expect(statusFromProgressGap(14.8)).toBe('ahead');
    expect(statusFromProgressGap(3)).toBe('ahead');
    expect(statusFromProgressGap(0)).toBe('on_track');
    expect(statusFromProgressGap(-3)).toBe('on_track');
    expect(statusFromProgressGap(-3.1)).toBe('at_risk');
    expect(statusFromProgressGap(-10)).toBe('at_risk');
    expect(statusFromProgressGap(-10.1)).toBe('behind');
    expect(statusFromProgressGap(undefined)).toBe('no_data');
  });

  it('never gives a worse status to a larger gap', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank(statusFromProgressGap(lo))).toBeLessThanOrEqual(rank(statusFromProgressGap(hi)));
      }),
    );
  });
});

describe(onTrackRatio.name, () => {
  it('is achieved growth over planned growth since the baseline', () => {
    expect(onTrackRatio(100, 150, 140)).toBe(0.8);
    expect(onTrackRatio(100, 100, 105)).toBe(1.05); // no growth planned yet: level ratio
    expect(onTrackRatio(100, 0, 5)).toBeNull();
  });
});

describe(assessLevelTarget.name, () => {
  it('judges 生物医药与健康 at 1080 亿元 in 2023 as at risk, with the paces a report quotes', () => {
    const result = assessLevelTarget({ ...bio, actuals: [{ year: 2021, value: 900 }, { year: 2022, value: null }, { year: 2023, value: '1080' }] });
    // (1080 − 776) ÷ (1152.39 − 776) = 304 ÷ 376.39 = 0.808
    expect(result.onTrackRatio).toBeCloseTo(0.8077, 4);
    expect(result.status).toBe('at_risk');
    expect(result.latest).toEqual({ year: 2023, value: 1080 });
    expect(result.plannedValue).toBeCloseTo(1152.39, 2);
    expect(result.actualCagrPct).toBeCloseTo(11.65, 2);
    expect(result.requiredCagrPct).toBeCloseTo(17.85, 2);
    expect(result.projectedValue).toBeCloseTo(1346.27, 2);
    expect(result.projectedAchieved).toBe(false);
    expect(result.achieved).toBeNull();
    expect(result.baseline).toEqual({ year: 2020, value: 776, fromActuals: false });
  });

  it('moves through the statuses as the actual grows', () => {
    const statusAt = (value: number) => assessLevelTarget({ ...bio, actuals: [{ year: 2023, value }] }).status;
    expect(statusAt(900)).toBe('behind'); // 124 ÷ 376.39 = 0.33
    expect(statusAt(1160)).toBe('on_track'); // 384 ÷ 376.39 = 1.02
    expect(statusAt(1200)).toBe('ahead'); // 424 ÷ 376.39 = 1.13
  });

  it('says whether a count target is achieved in the target year, minding 超过', () => {
    const hightech = { baseline: { year: 2020, value: 2282 }, target: { year: 2025, value: 3500 }, actuals: [{ year: 2025, value: 3500 }] };
    expect(assessLevelTarget(hightech)).toMatchObject({ achieved: true, projectedAchieved: true, requiredCagrPct: null, status: 'on_track' });
    expect(assessLevelTarget({ ...hightech, comparator: 'gt' }).achieved).toBe(false);
  });

  it('starts from the earliest actual when the plan gives no baseline, and says so', () => {
    const sei = { target: { year: 2025, value: 2500 }, comparator: 'gt' as const };
    const result = assessLevelTarget({ ...sei, actuals: [{ year: 2022, value: 1950 }, { year: 2021, value: 1800 }] });
    expect(result.baseline).toEqual({ year: 2021, value: 1800, fromActuals: true });
    expect(result.note).toContain('以 2021 年实际值为起点');
    expect(result.status).not.toBe('no_data');
    expect(assessLevelTarget({ ...sei, actuals: [{ year: 2021, value: 1800 }] })).toMatchObject({ status: 'no_data' });
  });

  it('has no data, not 0 %, without actuals', () => {
    expect(assessLevelTarget({ ...bio, actuals: [] })).toMatchObject({ status: 'no_data', onTrackRatio: null, latest: null });
    expect(assessLevelTarget({ ...bio, actuals: [{ year: 2023, value: null }] }).status).toBe('no_data');
    expect(assessLevelTarget({ target: bio.target, actuals: [] }).status).toBe('no_data');
  });

  it('is on track whenever the actual follows the planned path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 10 ** 6 }), fc.integer({ min: 101, max: 300 }), fc.integer({ min: 1, max: 5 }), (base, percent, offset) => {
        const target = (base * percent) / 100;
        const path = { baseline: { year: 2020, value: base }, target: { year: 2025, value: target } };
        const planned = assessLevelTarget({ ...path, actuals: [{ year: 2020 + offset, value: base }] }).plannedValue as number;
        const result = assessLevelTarget({ ...path, actuals: [{ year: 2020 + offset, value: planned }] });
        expect(result.status).toBe('on_track');
        expect(result.onTrackRatio).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe(assessAnnualTarget.name, () => {
  it('reports target 1000, 1–5月 565 as 56.5 % done, 快于时序进度 14.8 个百分点', () => {
    const result = assessAnnualTarget({ month: 5, ytd: 565, annualTarget: 1000 });
    expect(result.completionPct).toBe(56.5);
    expect(result.timeProgress.naivePct.toFixed(1)).toBe('41.7');
    expect(result.timeProgress.basis).toBe('naive');
    expect(result.sentence).toBe('快于时序进度 14.8 个百分点');
    expect(result.seasonalSentence).toBeNull();
    expect(result.gapPp).toBeCloseTo(14.83, 2);
    expect(result.status).toBe('ahead');
  });

  it('judges against the seasonal time progress when past years allow, and shows both', () => {
    const pastYears = [
      { year: 2022, ytd: { 5: 380, 12: 1000 } },
      { year: 2023, ytd: { 5: 462, 12: 1100 } },
    ]; // 1–5月 is 40 % of the year on average
    const result = assessAnnualTarget({ month: 5, ytd: 400, annualTarget: 1000, pastYears });
    expect(result.timeProgress.pct).toBe(40);
    expect(result.seasonalGapPp).toBe(0);
    expect(result.naiveGapPp).toBeCloseTo(-1.67, 2);
    expect(result.seasonalSentence).toBe('与时序进度持平');
    expect(result.sentence).toBe('慢于时序进度 1.7 个百分点');
    expect(result.status).toBe('on_track');
    expect(assessAnnualTarget({ month: 5, ytd: 330, annualTarget: 1000, pastYears }).status).toBe('at_risk'); // −7 pp
    expect(assessAnnualTarget({ month: 5, ytd: 290, annualTarget: 1000, pastYears }).status).toBe('behind'); // −11 pp
  });

  it('has no data, not 0 %, when the YTD is missing', () => {
    const result = assessAnnualTarget({ month: 5, ytd: null, annualTarget: 1000 });
    expect(result).toMatchObject({ status: 'no_data', completionPct: null, gapPp: null, sentence: null });
  });
});

describe(assessGrowthTarget.name, () => {
  it('compares the cumulative growth with the target growth', () => {
    expect(assessGrowthTarget(6.3, 6)).toEqual({ status: 'ahead', onTrackRatio: 1.05 }); // 6.3 / 6 is 1.0499999999999998 in floating point
    expect(assessGrowthTarget(6, 6).status).toBe('on_track');
    expect(assessGrowthTarget(5.4, 6).status).toBe('at_risk');
    expect(assessGrowthTarget(3, 6).status).toBe('behind');
    expect(assessGrowthTarget(null, 6).status).toBe('no_data');
    expect(assessGrowthTarget(-1, 0)).toEqual({ status: 'behind', onTrackRatio: null });
  });
});

describe('TARGET_STATUS_LABELS', () => {
  it('has a Chinese label for every status', () => {
    expect(Object.keys(TARGET_STATUS_LABELS).sort()).toEqual(['ahead', 'at_risk', 'behind', 'no_data', 'on_track']);
    expect(TARGET_STATUS_LABELS.behind).toBe('滞后');
    expect(DEFAULT_STATUS_THRESHOLDS.minSeasonalYears).toBe(2);
  });
});
