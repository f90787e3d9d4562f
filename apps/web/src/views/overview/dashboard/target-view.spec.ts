import { describe, expect, it } from 'vitest';
import type { SeriesDto, TargetProgressDto } from '@im/contracts';
import { annualInUnit, bulletGeometry, currentYearPoint, projectionLine, targetActuals, targetDecimals, targetVerdict, verdictCounts } from './target-view';

const source = { batchId: 1, row: 1, demo: true };
function series(unit: string, annual: [number, number][]): SeriesDto {
  return {
    indicator: { code: 'x', name: 'x', unit },
    subject: { industryCode: null, industryName: null, regionCode: 'xm', regionName: '厦门市' },
    granularity: 'month',
    points: [],
    annual: annual.map(([year, value]) => ({ year, value, source })),
  };
}

describe('targetVerdict', () => {
  it('says achieved or missed once the target year is complete, the progress status before', () => {
    expect(targetVerdict({ status: 'on_track', achieved: false })).toBe('missed');
    expect(targetVerdict({ status: 'behind', achieved: true })).toBe('achieved');
    expect(targetVerdict({ status: 'at_risk', achieved: null })).toBe('at_risk');
  });
});

describe('verdictCounts', () => {
  it('counts every verdict, zero included', () => {
    expect(verdictCounts([{ status: 'ahead', achieved: null }, { status: 'on_track', achieved: false }, { status: 'ahead', achieved: true }])).toEqual({
      missed: 1,
      behind: 0,
      at_risk: 0,
      on_track: 0,
      ahead: 1,
      achieved: 1,
      no_data: 0,
    });
  });
});

describe('targetDecimals', () => {
  it('shows counts as integers and amounts and ratios with two decimals', () => {
    expect([targetDecimals('家'), targetDecimals('个'), targetDecimals('亿元'), targetDecimals('%')]).toEqual([0, 0, 2, 2]);
  });
});

describe('bulletGeometry', () => {
  it('places actual, planned and target on a track a bit longer than the largest', () => {
    const g = bulletGeometry(6479.26, 6460.65, 7000);
    expect(g.target).toBeCloseTo(100 / 1.08, 10);
    expect(g.actual).toBeCloseTo((6479.26 / 7560) * 100, 10);
    const empty = bulletGeometry(null, null, 25);
    expect(empty).toMatchObject({ actual: null, planned: null });
    expect(empty.target).toBeCloseTo(100 / 1.08, 10);
  });
});

describe('annualInUnit', () => {
  it('converts 万元 to 亿元 exactly and refuses units it cannot convert', () => {
    expect(annualInUnit([{ year: 2024, value: 60_770_510, source }], '万元', '亿元')).toEqual([{ year: 2024, value: 6077.051 }]);
    expect(annualInUnit([{ year: 2024, value: 3576, source }], '家', '家')).toEqual([{ year: 2024, value: 3576 }]);
    expect(annualInUnit([{ year: 2024, value: 1, source }], '家', '亿元')).toBeNull();
  });
});

describe('targetActuals', () => {
  it('gives a share target as numerator ÷ denominator × 100 of the same year, exactly', () => {
    const item = { kind: 'share' as const, unit: '%' };
    // 460.98 / 1024.4 × 100 is exactly 45 (plain floating division gives 44.99999999999999)
    const actuals = targetActuals(item, series('万元', [[2023, 460.98], [2024, 10]]), series('万元', [[2023, 1024.4]]));
    expect(actuals).toEqual([{ year: 2023, value: 45 }]);
  });
  it('gives a level target in the target’s unit', () => {
    expect(targetActuals({ kind: 'level', unit: '亿元' }, series('万元', [[2025, 64_792_560]]), null)).toEqual([{ year: 2025, value: 6479.256 }]);
    expect(targetActuals({ kind: 'level', unit: '亿元' }, null, null)).toEqual([]);
  });
});

describe('currentYearPoint and projectionLine', () => {
  const item = {
    latest: { period: '2026-10', label: '2026年1-10月', value: 5531.94, cumulative: true },
    latestAnnual: { year: 2025, value: 6479.26 },
    projectedValue: 6484.39,
    targetYear: 2025,
  } as Pick<TargetProgressDto, 'latest' | 'latestAnnual' | 'projectedValue' | 'targetYear'>;
  it('shows the running year’s YTD only after the latest complete year', () => {
    expect(currentYearPoint(item)).toEqual({ year: 2026, value: 5531.94, label: '2026年1-10月' });
    expect(currentYearPoint({ ...item, latest: { ...item.latest!, period: '2025-12' } })).toBeNull();
    expect(currentYearPoint({ ...item, latest: { ...item.latest!, cumulative: false } })).toBeNull();
  });
  it('projects only toward a target year still ahead', () => {
    expect(projectionLine(item)).toBeNull();
    expect(projectionLine({ ...item, latestAnnual: { year: 2023, value: 5962 } })).toEqual({ from: { year: 2023, value: 5962 }, to: { year: 2025, value: 6484.39 } });
  });
});
