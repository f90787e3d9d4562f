import { describe, expect, it } from 'vitest';
import { buildGroupedBarsOption, buildRadarOption, radarAxesWithData, rankScore, type RadarInput } from './park-compare.option';

describe('buildGroupedBarsOption', () => {
  it('draws one bar per park and category in 亿元, missing left empty', () => {
    const option = buildGroupedBarsOption({
      categories: ['合计', '新一代信息技术'],
      series: [
        { name: '软件园', values: [10_000_000, 8_000_000] },
        { name: '火炬园', values: [6_000_000, null] },
      ],
      unit: '万元',
      locale: 'zh-CN',
      valueLabel: '1-10月累计',
    });
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['软件园', [1000, 800]],
      ['火炬园', [600, null]],
    ]);
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 1 }]);
    expect(html).toContain('火炬园：—');
  });
});

describe('rankScore', () => {
  it('maps rank 1 to 100 and the last to 0', () => {
    expect(rankScore(1, 5)).toBe(100);
    expect(rankScore(5, 5)).toBe(0);
    expect(rankScore(3, 5)).toBe(50);
    expect(rankScore(1, 1)).toBe(100);
    expect(rankScore(null, 5)).toBeNull();
  });
});

describe('buildRadarOption', () => {
  const input: RadarInput = {
    axes: [
      { key: 'value', name: '规模', meaning: '' },
      { key: 'growth', name: '增速', meaning: '' },
      { key: 'perMu', name: '亩均', meaning: '' },
    ],
    series: [
      { name: '软件园', scores: [100, 40, null], raw: ['1', '2', '—'] },
      { name: '火炬园', scores: [80, 90, 50], raw: ['1', '2', '3'] },
    ],
    locale: 'zh-CN',
  };
  it('leaves out an axis any park has no score for, instead of drawing it as 0', () => {
    expect(radarAxesWithData(input)).toEqual([0, 1]);
    const option = buildRadarOption(input);
    expect((option.radar as { indicator: { name: string }[] }).indicator.map((i) => i.name)).toEqual(['规模', '增速']);
    expect((option.series as { data: { value: number[] }[] }[])[0].data.map((d) => d.value)).toEqual([
      [100, 40],
      [80, 90],
    ]);
  });
});
