import { describe, expect, it } from 'vitest';
import { briefCellText, briefChartTable, briefMonth } from './brief-view';

describe('brief view helpers', () => {
  it('formats cells by column format, missing as —', () => {
    expect(briefCellText(1234.567, 'amount', 'zh-CN')).toBe('1,234.57');
    expect(briefCellText(12.25, 'percent', 'zh-CN')).toBe('12.3');
    expect(briefCellText(null, 'pp', 'zh-CN')).toBe('—');
    expect(briefCellText('软件园', 'text', 'zh-CN')).toBe('软件园');
  });
  it('turns a chart’s data into a table', () => {
    const table = briefChartTable({ title: 't', unit: '亿元', categories: ['甲', '乙'], series: [{ name: '累计值', values: [1.5, null] }] }, '名称', 'zh-CN');
    expect(table.columns.map((c) => c.label)).toEqual(['名称', '累计值（亿元）']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      { name: '甲', s0: '1.50' },
      { name: '乙', s0: '—' },
    ]);
  });
  it('names the month of a brief', () => expect(briefMonth({ year: 2026, month: 3 })).toBe('2026-03'));
});
