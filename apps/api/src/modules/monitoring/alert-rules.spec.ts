import { describe, expect, it } from 'vitest';
import type { AnnualProgressDto, TargetProgressDto } from '@im/contracts';
import { behindAnnual, behindPath, swing } from './alert-rules';

const subject = { industryNodeId: 7, regionId: null, districtId: null };

function item(patch: Partial<TargetProgressDto>): TargetProgressDto {
  return {
    code: 'p.ngit',
    name: '新一代信息技术产业总规模',
    unit: '亿元',
    targetValue: 7000,
    targetYear: 2025,
    latestAnnual: null,
    plannedPathValue: null,
    annual: null,
    ...patch,
  } as TargetProgressDto;
}

const annual = (patch: Partial<AnnualProgressDto>): AnnualProgressDto =>
  ({ year: 2024, target: 6000, targetDerived: true, ytd: 2500, month: 6, completionPct: 41.7, timeProgressPct: 50, seasonalTimeProgressPct: null, gapPp: -8.3, status: 'at_risk', ...patch }) as AnnualProgressDto;

describe('behindAnnual', () => {
  it('raises when completion is more than the threshold behind the time progress', () => {
    const a = behindAnnual(item({ annual: annual({}) }), 5, subject)!;
    expect(a).toMatchObject({ kind: 'behind_annual', severity: 'warning', subjectKey: 'target:p.ngit', period: '2024-06', industryNodeId: 7 });
    expect(a.title).toBe('新一代信息技术产业总规模：2024年1—6月慢于时序进度 8.3 个百分点');
    expect(a.body).toBe('2024年1—6月，新一代信息技术产业总规模完成年度目标 41.7%，时序进度 50.0%，慢于时序进度 8.3 个百分点（预警阈值 5.0 个百分点）。');
  });

  it('names the seasonal time progress when the gap was measured against it, and 1—2月 for February', () => {
    const a = behindAnnual(item({ annual: annual({ month: 2, completionPct: 5, timeProgressPct: 16.7, seasonalTimeProgressPct: 14, gapPp: -9 }) }), 5, subject)!;
    expect(a.title).toBe('新一代信息技术产业总规模：2024年1—2月慢于季节性时序进度 9.0 个百分点');
  });

  it('is critical beyond twice the threshold, silent within it or without data', () => {
    expect(behindAnnual(item({ annual: annual({ gapPp: -10.5 }) }), 5, subject)!.severity).toBe('critical');
    expect(behindAnnual(item({ annual: annual({ gapPp: -5 }) }), 5, subject)).toBeNull();
    expect(behindAnnual(item({ annual: annual({ gapPp: 3 }) }), 5, subject)).toBeNull();
    expect(behindAnnual(item({ annual: annual({ gapPp: null, completionPct: null }) }), 5, subject)).toBeNull();
    expect(behindAnnual(item({}), 5, subject)).toBeNull();
  });
});

describe('behindPath', () => {
  it('says a completed target year missed the target', () => {
    const a = behindPath(item({ latestAnnual: { year: 2025, value: 6479.26 }, plannedPathValue: 7000 }), 5, subject)!;
    expect(a).toMatchObject({ kind: 'behind_path', period: '2025' });
    expect(a.title).toBe('新一代信息技术产业总规模：2025年未达到规划目标');
    expect(a.body).toBe('2025年新一代信息技术产业总规模为 6479.26亿元，未达到规划目标 7000亿元，完成率 92.6%（完成率低于 95.0% 时预警）。');
  });

  it('says an earlier year lags the planned path, in points of the target', () => {
    const a = behindPath(item({ latestAnnual: { year: 2023, value: 5000 }, plannedPathValue: 5600 }), 5, subject)!;
    expect(a.title).toBe('新一代信息技术产业总规模：2023年落后于规划路径');
    expect(a.body).toBe('2023年新一代信息技术产业总规模为 5000亿元，按规划路径应达 5600亿元，落后规划路径 8.6 个百分点（按目标值计，预警阈值 5.0 个百分点）。');
  });

  it('is silent on or ahead of the path and without figures', () => {
    expect(behindPath(item({ latestAnnual: { year: 2023, value: 5500 }, plannedPathValue: 5600 }), 5, subject)).toBeNull();
    expect(behindPath(item({ latestAnnual: null, plannedPathValue: 5600 }), 5, subject)).toBeNull();
    expect(behindPath(item({ latestAnnual: { year: 2023, value: 5000 }, plannedPathValue: null }), 5, subject)).toBeNull();
  });
});

describe('swing', () => {
  const input = { subjectKey: 'series:output:sei.ngit:xm.park.software', label: '软件园新一代信息技术产值', period: { year: 2026, month: 10 }, computed: false, industryNodeId: 7, regionId: 30, districtId: 2 };

  it('raises for growth or decline beyond the threshold, with the right word', () => {
    expect(swing({ ...input, yoyYtdPct: 63.2 }, 50)!.title).toBe('软件园新一代信息技术产值：2026年1—10月同比增长 63.2%，波动异常');
    const down = swing({ ...input, yoyYtdPct: -120.4, computed: true }, 50)!;
    expect(down.title).toBe('软件园新一代信息技术产值：2026年1—10月同比下降 120.4%，波动异常');
    expect(down.body).toContain('（按名义值计算）');
    expect(down.severity).toBe('critical');
    expect(down.districtId).toBe(2);
  });

  it('is silent within the threshold and without a growth figure', () => {
    expect(swing({ ...input, yoyYtdPct: 49.9 }, 50)).toBeNull();
    expect(swing({ ...input, yoyYtdPct: -50 }, 50)).toBeNull();
    expect(swing({ ...input, yoyYtdPct: null }, 50)).toBeNull();
  });
});
