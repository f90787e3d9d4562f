import { describe, expect, it } from 'vitest';
import { breakdownItem } from '../testing/breakdown.fixture';
import {
  buildBreakdownTreemapOption,
  buildContributionWaterfallOption,
  treemapItems,
  waterfallBars,
  type BreakdownChartInput,
  type BreakdownChartLabels,
} from './breakdown.option';

const labels: BreakdownChartLabels = { ytd: '累计', yoy: '同比', share: '占比', contribution: '拉动', contributionRate: '贡献率', total: '合计增速', computed: '计算' };
const items = [
  breakdownItem('ic', '集成电路', { value: 2_000_000, sharePct: 33.3333, yoyPct: 33.3333, yoyBasis: 'computed', contributionPp: 10, contributionRatePct: 50 }),
  breakdownItem('ai', '<b>人工智能</b>', { value: 1_300_000, sharePct: 21.6667, yoyPct: 30, contributionPp: 6, contributionRatePct: 30 }),
  breakdownItem('x', '区块链', { value: null }),
  breakdownItem('neg', '下降', { value: 500_000, contributionPp: -1.5 }),
];
const other = breakdownItem('other', '其他', { value: 600_000, contributionPp: 2 }, { kind: 'other' });
const input: BreakdownChartInput = { items, other, unit: '万元', locale: 'zh-CN', labels, title: '新一代信息技术 子领域' };

type TreemapSeries = { data: { name: string; value: number; itemStyle: { color: string } }[] };
type BarSeries = { data: ({ value: number } | null)[]; stack: string };

describe('treemapItems', () => {
  it('keeps items with a positive YTD value, the remainder last', () => {
    expect(treemapItems(input).map((i) => i.code)).toEqual(['ic', 'ai', 'neg', 'other']);
  });
});

describe('buildBreakdownTreemapOption', () => {
  const option = buildBreakdownTreemapOption(input);
  const series = (option.series as TreemapSeries[])[0];
  it('draws each item in 亿元, the remainder in grey', () => {
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ['集成电路', 200],
      ['<b>人工智能</b>', 130],
      ['下降', 50],
      ['其他', 60],
    ]);
    expect(series.data[3].itemStyle.color).toBe('#b8bec8');
  });
  it('escapes names in tooltips and shows share, 拉动 and the computed label', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ name: '<b>人工智能</b>' });
    expect(html).toContain('&lt;b&gt;人工智能&lt;/b&gt;');
    expect(html).not.toContain('<b>人工智能');
    expect(html).toContain('130.00 亿元');
    expect(html).toContain('+6.00个百分点');
    expect(formatter({ name: '集成电路' })).toContain('计算');
  });
});

describe('waterfallBars', () => {
  it('floats each bar from the running sum and closes with the total', () => {
    const bars = waterfallBars(
      [
        { name: 'a', pp: 10 },
        { name: 'b', pp: null },
        { name: 'c', pp: -4 },
        { name: 'd', pp: 2.5 },
      ],
      '合计',
    );
    expect(bars.map((b) => [b.name, b.lo, b.hi])).toEqual([
      ['a', 0, 10],
      ['c', 6, 10],
      ['d', 6, 8.5],
      ['合计', 0, 8.5],
    ]);
    expect(bars[3]).toMatchObject({ pp: 8.5, total: true });
  });
  it('handles bars below zero and a negative total', () => {
    const bars = waterfallBars(
      [
        { name: 'a', pp: 2 },
        { name: 'b', pp: -5 },
      ],
      '合计',
    );
    expect(bars.map((b) => [b.lo, b.hi])).toEqual([
      [0, 2],
      [-3, 2],
      [-3, 0],
    ]);
  });
});

describe('buildContributionWaterfallOption', () => {
  const option = buildContributionWaterfallOption(input);
  const [base, main, below] = option.series as BarSeries[];
  it('stacks a transparent base under the visible bars', () => {
    // Running sums: 集成电路 0→10, 人工智能 10→16, 下降 16→14.5, 其他 14.5→16.5, total 0→16.5
    expect(base.data).toEqual([0, 10, 14.5, 14.5, 0]);
    expect(main.data.map((d) => d?.value)).toEqual([10, 6, 1.5, 2, 16.5]);
    expect(below.data).toEqual([null, null, null, null, null]);
    expect(new Set([base.stack, main.stack, below.stack])).toEqual(new Set(['waterfall']));
  });
  it('names the categories after the items and the total', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['集成电路', '<b>人工智能</b>', '下降', '其他', '合计增速']);
  });
  it('splits a bar that crosses zero into a positive and a negative part', () => {
    const crossing = buildContributionWaterfallOption({
      ...input,
      items: [breakdownItem('a', 'A', { value: 1, contributionPp: 2 }), breakdownItem('b', 'B', { value: 1, contributionPp: -5 })],
      other: null,
    });
    const [b, m, n] = crossing.series as BarSeries[];
    expect(b.data).toEqual([0, null, 0]);
    expect(m.data.map((d) => d?.value)).toEqual([2, 2, -3]);
    expect(n.data.map((d) => d?.value ?? null)).toEqual([null, -3, null]);
  });
});
