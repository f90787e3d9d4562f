import { describe, expect, it } from 'vitest';
import { buildTargetTrendOption, describeTargetTrend, targetTrendYears, type TargetTrendInput } from './target-trend.option';

const input: TargetTrendInput = {
  actual: [
    { year: 2020, value: 4688 },
    { year: 2021, value: 5012.5 },
    { year: 2022, value: 5400 },
  ],
  planned: [
    { year: 2020, value: 4688 },
    { year: 2021, value: 5079.37 },
    { year: 2022, value: 5503.41 },
    { year: 2023, value: 5962.85 },
    { year: 2024, value: 6460.65 },
    { year: 2025, value: 7000 },
  ],
  target: { year: 2025, value: 7000 },
  projection: { from: { year: 2022, value: 5400 }, to: { year: 2025, value: 6612.2 } },
  current: { year: 2023, value: 2900, label: '2023年1-6月累计' },
  unit: '亿元',
  decimals: 2,
  locale: 'zh-CN',
  labels: { actual: '实际', planned: '规划路径', target: '目标', projection: '按实际增速预测', current: '本年累计' },
  title: '新一代信息技术产业总规模',
};

type Line = { name: string; data: (number | null)[]; markPoint?: { data: { coord: [number, number] }[] }; markLine?: { data: { yAxis: number }[] } };

describe('targetTrendYears', () => {
  it('covers every year from the first figure to the target', () => {
    expect(targetTrendYears(input)).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });
});

describe('buildTargetTrendOption', () => {
  const option = buildTargetTrendOption(input);
  const series = option.series as Line[];
  it('aligns actuals, planned path, projection and the running year on the year axis', () => {
    expect(series.map((s) => s.name)).toEqual(['规划路径', '实际', '按实际增速预测', '本年累计']);
    expect(series[1].data).toEqual([4688, 5012.5, 5400, null, null, null]);
    expect(series[0].data[5]).toBe(7000);
    expect(series[2].data).toEqual([null, null, 5400, null, null, 6612.2]);
    expect(series[3].data).toEqual([null, null, null, 2900, null, null]);
    expect((option.xAxis as { data: string[] }).data[0]).toBe('2020年');
  });
  it('marks the target on its year and as a line', () => {
    expect(series[0].markPoint!.data[0].coord).toEqual([5, 7000]);
    expect(series[0].markLine!.data[0].yAxis).toBe(7000);
  });
  it('leaves the projection out when there is none', () => {
    expect((buildTargetTrendOption({ ...input, projection: null, current: null }).series as Line[]).map((s) => s.name)).toEqual(['规划路径', '实际']);
  });
  it('formats the tooltip of a year with units', () => {
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 5 }]);
    expect(html).toContain('2025年');
    expect(html).toContain('目标：7,000.00 亿元');
    expect(html).toContain('按实际增速预测：6,612.20 亿元');
  });
});

describe('describeTargetTrend', () => {
  it('says the latest actual and the target', () => {
    expect(describeTargetTrend(input)).toBe('新一代信息技术产业总规模。2022年实际 5,400.00 亿元；2025年目标 7,000.00 亿元。');
  });
});
