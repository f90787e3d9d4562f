import { describe, expect, it } from 'vitest';
import { seriesPoint } from '../testing/series-point.fixture';
import { buildMonthlyTrendOption, describeTrend, formatTrendTooltip, type MonthlyTrendInput, type MonthlyTrendLabels } from './monthly-trend.option';
import { buildMonthlyRows } from './monthly-trend.rows';
import { escapeHtml } from '../format/html-escape';

const labels: MonthlyTrendLabels = {
  month: '本月',
  ytd: '累计',
  yoy: '同比',
  derived: '推算',
  yoyComputed: '名义值计算',
  demo: '演示数据',
  mergedNoMonth: '1-2月合并发布，无单月数据',
  noData: '无数据',
};

const rows = buildMonthlyRows([
  seriesPoint('2024-02', { mergedJanFeb: true, valueMonth: null, valueYtd: 250_000, yoyYtdPct: 6.1 }),
  seriesPoint('2024-03', { valueMonth: 150_000, valueYtd: 400_000, monthDerived: true, yoyMonthPct: -2.35, source: { batchId: 3, row: 9, demo: true } }),
  seriesPoint('2024-05', { valueMonth: 120_000, valueYtd: 640_000 }),
]);

const input: MonthlyTrendInput = { rows, unit: '万元', locale: 'zh-CN', labels, title: '集成电路 产值', subjectName: '集成电路' };

type Series = { type: string; name: string; yAxisIndex: number; data: unknown[] };

describe('buildMonthlyTrendOption', () => {
  const option = buildMonthlyTrendOption(input);
  const series = option.series as Series[];

  it('draws 本月 bars and the 累计 line on the value axis and 同比 lines on the second axis', () => {
    expect(series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', '本月', 0],
      ['line', '累计', 0],
      ['line', '累计同比', 1],
      ['line', '本月同比', 1],
    ]);
    expect(series[2].data).toEqual([6.1, null, null, null]);
    expect(series[3].data).toEqual([null, -2.35, null, null]);
  });

  it('shows the YTD growth and leaves the monthly growth one legend click away', () => {
    const legend = option.legend as { data: string[]; selected: Record<string, boolean> };
    expect(legend.data).toEqual(['本月', '累计', '累计同比', '本月同比']);
    expect(legend.selected).toEqual({ 本月同比: false });
  });

  it('restarts the 累计 line every year instead of joining December to the next 1-2月', () => {
    const twoYears = buildMonthlyTrendOption({
      ...input,
      rows: buildMonthlyRows([seriesPoint('2023-11', { valueYtd: 90_000 }), seriesPoint('2023-12', { valueYtd: 100_000 }), seriesPoint('2024-02', { mergedJanFeb: true, valueYtd: 20_000 })]),
    });
    const lines = (twoYears.series as Series[]).filter((s) => s.type === 'line' && s.name === '累计');
    expect(lines.map((l) => l.name)).toEqual(['累计', '累计']);
    expect(lines.map((l) => l.data)).toEqual([
      [9, 10, null],
      [null, null, 2],
    ]);
  });

  it('labels categories with Chinese months, the merged one as 1-2月, gaps included', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024年1-2月', '2024年3月', '2024年4月', '2024年5月']);
  });

  it('converts 万元 to 亿元 and leaves unpublished values empty, not zero', () => {
    expect(series[0].data).toEqual([null, 15, null, 12]);
    expect(series[1].data).toEqual([25, 40, null, 64]);
    expect(series).toHaveLength(4);
  });

  it('names both axes with the display unit', () => {
    const axes = option.yAxis as Array<{ name: string }>;
    expect(axes.map((a) => a.name)).toEqual(['本月/累计（亿元）', '同比（%）']);
  });

  it('puts the title on the canvas so an exported PNG says what it shows', () => {
    expect((option.title as { text: string }).text).toBe('集成电路 产值');
  });

  it('renders the tooltip of the hovered category through the formatter', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([{ dataIndex: 1 }]);
    expect(html).toContain('集成电路 · 2024年3月');
    expect(html).toContain('15.00 亿元');
    expect(html).toContain('-2.4%');
  });

  it('uses English month labels and units in English', () => {
    const en = buildMonthlyTrendOption({ ...input, locale: 'en', labels: { ...labels, month: 'Month', ytd: 'YTD' } });
    expect((en.xAxis as { data: string[] }).data[0]).toBe('Jan–Feb 2024');
    expect((en.yAxis as Array<{ name: string }>)[0].name).toBe('Month/YTD (CNY 100m)');
  });

  it('shows a merged 1-2月 value, if one is ever sent, dimmed rather than as a single month', () => {
    const merged = buildMonthlyTrendOption({ ...input, rows: buildMonthlyRows([seriesPoint('2024-02', { mergedJanFeb: true, valueMonth: 30_000 })]) });
    expect((merged.series as Series[])[0].data[0]).toEqual({ value: 3, itemStyle: { opacity: 0.45 } });
  });
});

describe('formatTrendTooltip', () => {
  it('marks derived values and demo data', () => {
    const html = formatTrendTooltip(rows[1], input);
    expect(html).toContain('本月：15.00 亿元');
    expect(html).toContain('推算');
    expect(html).toContain('演示数据');
  });

  it('explains the missing single month of a merged 1-2月 figure', () => {
    const html = formatTrendTooltip(rows[0], input);
    expect(html).toContain('本月：—');
    expect(html).not.toContain('— 亿元');
    expect(html).toContain('1-2月合并发布，无单月数据');
    expect(html).toContain('累计：25.00 亿元');
    expect(html).toContain('+6.1%');
    expect(html).not.toContain('演示数据');
  });

  it('says "no data" for a gap month', () => {
    expect(formatTrendTooltip(rows[2], input)).toContain('无数据');
  });

  it('escapes names from the data instead of rendering them as HTML', () => {
    const html = formatTrendTooltip(rows[1], { ...input, subjectName: '<img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes i18n labels too', () => {
    const html = formatTrendTooltip(rows[1], { ...input, labels: { ...labels, demo: '<b>demo</b>' } });
    expect(html).toContain('&lt;b&gt;demo&lt;/b&gt;');
  });
});

describe('describeTrend', () => {
  it('summarises range and latest YTD for screen readers', () => {
    expect(describeTrend(input)).toBe('集成电路 产值，2024年1-2月 至 2024年5月。2024年5月累计 64.00 亿元。');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
  });
});
