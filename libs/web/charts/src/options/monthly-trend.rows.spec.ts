import { describe, expect, it } from 'vitest';
import { seriesPoint } from '../testing/series-point.fixture';
import { buildMonthlyRows, hasValues, lastMonths } from './monthly-trend.rows';

describe('buildMonthlyRows', () => {
  it('orders points by period and fills missing months with gap rows', () => {
    const rows = buildMonthlyRows([
      seriesPoint('2024-05', { valueMonth: 5 }),
      seriesPoint('2024-03', { valueMonth: 3 }),
    ]);
    expect(rows.map((r) => r.key)).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(rows[1].point).toBeNull();
    expect(rows[2].point?.valueMonth).toBe(5);
  });

  it('makes the merged 1-2月 one category and drops January of that year', () => {
    const rows = buildMonthlyRows([
      seriesPoint('2023-12', { valueYtd: 120 }),
      seriesPoint('2024-02', { mergedJanFeb: true, valueYtd: 20 }),
      seriesPoint('2024-03', { valueMonth: 11, valueYtd: 31 }),
    ]);
    expect(rows.map((r) => r.key)).toEqual(['2023-12', '2024-02', '2024-03']);
    expect(rows[1].mergedJanFeb).toBe(true);
  });

  it('keeps a January gap when February is not merged', () => {
    const rows = buildMonthlyRows([seriesPoint('2023-12'), seriesPoint('2024-02')]);
    expect(rows.map((r) => r.key)).toEqual(['2023-12', '2024-01', '2024-02']);
  });

  it('returns no rows for no points', () => {
    expect(buildMonthlyRows([])).toEqual([]);
  });
});

describe('lastMonths', () => {
  const rows = buildMonthlyRows([
    seriesPoint('2023-02', { mergedJanFeb: true, valueYtd: 1 }),
    ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => seriesPoint(`2023-${m}`, { valueYtd: 1 })),
    seriesPoint('2024-02', { mergedJanFeb: true, valueYtd: 1 }),
    seriesPoint('2024-03', { valueYtd: 1 }),
  ]);

  it('keeps the calendar months ending at the latest period', () => {
    expect(lastMonths(rows, 3).map((r) => r.key)).toEqual(['2024-02', '2024-03']);
    expect(lastMonths(rows, 2).map((r) => r.key)).toEqual(['2024-03']);
  });

  it('keeps everything for null or a window longer than the series', () => {
    expect(lastMonths(rows, null)).toHaveLength(rows.length);
    expect(lastMonths(rows, 120)).toHaveLength(rows.length);
  });

  it('counts a merged 1-2月 as the two months it covers', () => {
    expect(lastMonths(rows, 14)[0].key).toBe('2023-03');
    expect(lastMonths(rows, 15)[0].key).toBe('2023-02');
  });
});

describe('hasValues', () => {
  it('is false when every point is empty or a gap', () => {
    expect(hasValues(buildMonthlyRows([seriesPoint('2024-01'), seriesPoint('2024-03')]))).toBe(false);
    expect(hasValues(buildMonthlyRows([seriesPoint('2024-01', { valueYtd: 0 })]))).toBe(true);
  });
});
