import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_THRESHOLDS } from '@im/domain';
import { computeTargetProgress, periodValues, type ProgressSeries, type ProgressTarget } from './target-progress.calculator';

const flow = (points: Partial<ProgressSeries['points'][number]>[], unit = '万元'): ProgressSeries => ({
  indicatorKind: 'flow',
  unit,
  granularity: 'month',
  points: points.map((p) => ({ year: 2024, month: 1, valueMonth: null, valueYtd: null, mergedJanFeb: false, batchId: 1, ...p })),
});

const levelTarget: ProgressTarget = {
  kind: 'level',
  comparator: 'gte',
  targetValue: '1000',
  targetYear: 2025,
  baselineValue: '500',
  baselineYear: 2020,
  unit: '亿元',
  annualTargets: [{ year: 2024, value: '1000' }],
};

describe(periodValues.name, () => {
  it('derives YTD from 本月 where only months were stored, keeping the merged 1–2月 as the YTD at month 2', () => {
    const values = periodValues(
      flow([
        { month: 2, valueYtd: '200', mergedJanFeb: true },
        { month: 3, valueMonth: '120' },
        { month: 4, valueMonth: '130' },
      ]),
    );
    expect([...values.entries()]).toEqual([
      [202402, 200],
      [202403, 320],
      [202404, 450],
    ]);
  });

  it('reads stocks as levels, never as running totals', () => {
    const values = periodValues({ indicatorKind: 'stock', unit: '家', granularity: 'year', points: [{ year: 2023, month: 12, valueMonth: null, valueYtd: '3002', mergedJanFeb: false, batchId: 1 }] });
    expect(values.get(202312)).toBe(3002);
  });
});

describe(computeTargetProgress.name, () => {
  it('hand case: annual target 1000, 1–5月 YTD 565 → 56.5 %, naive time progress 41.7 %, 快于时序进度 14.8 个百分点', () => {
    const r = computeTargetProgress(
      levelTarget,
      flow([{ month: 5, valueYtd: String(565 * 10000) }]),
      null,
      { year: 2024, month: 5 },
      DEFAULT_STATUS_THRESHOLDS,
    );
    expect(r.annual).toMatchObject({ year: 2024, target: 1000, ytd: 565, completionPct: 56.5, sentence: '快于时序进度 14.8 个百分点', seasonalTimeProgressPct: null });
    expect(r.annual!.timeProgressPct).toBeCloseTo(41.6667, 4);
    expect(r.latest).toEqual({ period: '2024-05', label: '2024年1-5月', value: 565, cumulative: true });
  });

  it('reports units it cannot convert instead of guessing', () => {
    const r = computeTargetProgress({ ...levelTarget, unit: '家' }, flow([{ month: 5, valueYtd: '1' }]), null, { year: 2024, month: 5 }, DEFAULT_STATUS_THRESHOLDS);
    expect(r.status).toBe('no_data');
    expect(r.notes).toEqual(['统计单位"万元"无法换算为目标单位"家"']);
  });

  it('says which series of a share target is missing', () => {
    const r = computeTargetProgress({ ...levelTarget, kind: 'share', unit: '%' }, flow([{ month: 3, valueYtd: '1' }]), null, { year: 2024, month: 5 }, DEFAULT_STATUS_THRESHOLDS);
    expect(r.notes).toEqual(['暂无数据：比重目标的分母序列尚未上报任何数据']);
    expect(r.completionPct).toBeNull();
  });

  it('ignores data after asOf and says when nothing is left', () => {
    const r = computeTargetProgress(levelTarget, flow([{ month: 5, valueYtd: '1' }]), null, { year: 2023, month: 12 }, DEFAULT_STATUS_THRESHOLDS);
    expect(r.notes).toEqual(['暂无数据：截至2023年12月，目标对应的统计序列没有数据']);
  });

  it('a missed target is behind once the target year is complete, whatever the pace before', () => {
    const r = computeTargetProgress(
      { ...levelTarget, targetValue: '1000', targetYear: 2024, annualTargets: [] },
      flow([{ year: 2024, month: 12, valueYtd: String(990 * 10000) }]),
      null,
      { year: 2025, month: 3 },
      DEFAULT_STATUS_THRESHOLDS,
    );
    expect(r.achieved).toBe(false);
    expect(r.status).toBe('behind');
  });
});
