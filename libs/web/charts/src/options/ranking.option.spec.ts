import { describe, expect, it } from 'vitest';
import { buildRankingOption, rankedRows, RANKING_COLORS, type RankingInput } from './ranking.option';

const rows = [
  { code: 'a', name: '软件园', value: 10_473_746, highlight: true },
  { code: 'b', name: '<i>生物医药港</i>', value: 5_354_656 },
  { code: 'c', name: '无数据园区', value: null },
  { code: 'd', name: '火炬园', value: 6_447_336 },
];
const input: RankingInput = { rows, measure: 'value', unit: '万元', locale: 'zh-CN', label: '1-10月累计' };

describe('rankedRows', () => {
  it('sorts largest first and leaves out rows without a figure', () => {
    expect(rankedRows(rows).map((r) => r.code)).toEqual(['a', 'd', 'b']);
  });
});

describe('buildRankingOption', () => {
  it('draws values in 亿元, the highlighted rows marked by colour and by ▶', () => {
    const option = buildRankingOption(input);
    const series = (option.series as { data: { value: number; itemStyle: { color: string } }[] }[])[0];
    expect(series.data.map((d) => d.value)).toEqual([1047.3746, 644.7336, 535.4656]);
    expect(series.data[0].itemStyle.color).toBe(RANKING_COLORS.highlight);
    expect(series.data[1].itemStyle.color).toBe(RANKING_COLORS.normal);
    expect((option.yAxis as { data: string[] }).data).toEqual(['▶ 软件园', '火炬园', '<i>生物医药港</i>']);
    expect((option.xAxis as { name: string }).name).toBe('1-10月累计（亿元）');
  });
  it('ranks growth rates as signed percentages, negatives in red', () => {
    const option = buildRankingOption({ ...input, measure: 'growth', label: '累计同比', rows: [{ code: 'a', name: 'A', value: -2.5 }, { code: 'b', name: 'B', value: 12.25 }] });
    const series = (option.series as { data: { value: number; itemStyle: { color: string } }[]; label: { formatter: (p: { dataIndex: number }) => string } }[])[0];
    expect(series.data.map((d) => d.value)).toEqual([12.25, -2.5]);
    expect(series.label.formatter({ dataIndex: 0 })).toBe('+12.3%');
    expect(series.data[1].itemStyle.color).toBe(RANKING_COLORS.negative);
  });
  it('escapes names in the tooltip', () => {
    const option = buildRankingOption(input);
    const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 2 }]);
    expect(html).toContain('3. &lt;i&gt;生物医药港&lt;/i&gt;');
    expect(html).toContain('535.47 亿元');
  });
});
