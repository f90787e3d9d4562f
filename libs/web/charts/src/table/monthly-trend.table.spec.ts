import { describe, expect, it } from 'vitest';
import { seriesPoint } from '../testing/series-point.fixture';
import { buildMonthlyRows } from '../options/monthly-trend.rows';
import { buildMonthlyTrendTable, type MonthlyTrendTableLabels } from './monthly-trend.table';

const labels: MonthlyTrendTableLabels = {
  period: '期间',
  month: '本月',
  ytd: '累计',
  yoy: '同比',
  yoyMonth: '本月同比',
  yoyYtd: '累计同比',
  notes: '说明',
  derived: '推算',
  yoyComputed: '同比为名义值计算',
  demo: '演示数据',
  mergedNoMonth: '1-2月合并发布',
  noData: '无数据',
};

const rows = buildMonthlyRows([
  seriesPoint('2024-02', { mergedJanFeb: true, valueYtd: 12_345_678, yoyYtdPct: 5 }),
  seriesPoint('2024-03', { valueMonth: 6_543_210, valueYtd: 18_888_888, monthDerived: true, yoyMonthPct: -1.25, yoyComputed: true, source: { batchId: 1, row: 5, demo: true } }),
  seriesPoint('2024-05', { valueMonth: 100 }),
]);

describe('buildMonthlyTrendTable', () => {
  const table = buildMonthlyTrendTable({ rows, unit: '万元', locale: 'zh-CN', labels });

  it('has one column per figure with the display unit in the header', () => {
    expect(table.columns.map((c) => c.label)).toEqual(['期间', '本月（亿元）', '本月同比', '累计（亿元）', '累计同比', '说明']);
  });

  it('formats every cell the same way as the chart', () => {
    expect(table.rows[0].cells).toEqual({ period: '2024年1-2月', month: '—', yoyMonth: '—', ytd: '1,234.57', yoyYtd: '5.0%', notes: '1-2月合并发布' });
    expect(table.rows[1].cells).toMatchObject({ period: '2024年3月', month: '654.32', yoyMonth: '-1.3%', ytd: '1,888.89' });
  });

  it('lists derived values, computed YoY and demo data in the notes', () => {
    expect(table.rows[1].cells.notes).toBe('本月推算；同比为名义值计算；演示数据');
  });

  it('keeps gap months as rows saying there is no data', () => {
    expect(table.rows[2].cells).toMatchObject({ period: '2024年4月', month: '—', notes: '无数据' });
    expect(table.rows[3].cells.month).toBe('0.01');
  });

  it('can drop thousands separators (CSV)', () => {
    const csv = buildMonthlyTrendTable({ rows, unit: '万元', locale: 'zh-CN', labels, grouping: false });
    expect(csv.rows[0].cells.ytd).toBe('1234.57');
  });
});
