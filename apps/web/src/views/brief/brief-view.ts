/**
 * Pure helpers of the brief pages: table cells through the charts formatter, chart options and
 * table models of a section's chart data, and the labels of stored briefs.
 */
import type { BriefChartDto, BriefColumnFormat, BriefSummaryDto } from '@im/contracts';
import { MISSING, buildRankingOption, formatNumber, type DashboardOption, type DisplayLocale, type TableModel } from '@im/charts';

/** A table cell as shown: amounts (亿元) with two decimals, rates one decimal, missing —. */
export function briefCellText(value: string | number | null | undefined, format: BriefColumnFormat, locale: DisplayLocale): string {
  if (value === null || value === undefined || value === '') return MISSING;
  if (typeof value === 'string' || format === 'text') return String(value);
  return formatNumber(value, { decimals: format === 'amount' ? 2 : 1, locale });
}

/** Horizontal bars of a section's chart (亿元 values, or growth in %). */
export function briefChartOption(chart: BriefChartDto, locale: DisplayLocale): DashboardOption {
  const series = chart.series[0];
  const option = buildRankingOption({
    rows: chart.categories.map((name, i) => ({ code: `${i}`, name, value: series?.values[i] ?? null })),
    measure: chart.unit === '%' ? 'growth' : 'value',
    unit: chart.unit,
    locale,
    label: series?.name ?? chart.title,
  });
  // Beside the text the chart is narrow: fewer ticks keep the axis labels apart.
  return { ...option, xAxis: { ...(option.xAxis as Record<string, unknown>), splitNumber: 3 } } as DashboardOption;
}

export function briefChartTable(chart: BriefChartDto, nameLabel: string, locale: DisplayLocale): TableModel {
  const columns = [{ key: 'name', label: nameLabel, align: 'left' as const }, ...chart.series.map((s, i) => ({ key: `s${i}`, label: `${s.name}（${chart.unit}）`, align: 'right' as const }))];
  return {
    columns,
    rows: chart.categories.map((name, r) => ({
      key: `${r}`,
      cells: Object.fromEntries([['name', name], ...chart.series.map((s, i) => [`s${i}`, briefCellText(s.values[r], chart.unit === '%' ? 'percent' : 'amount', locale)])]),
    })),
  };
}

/** `2026-10` of a stored brief. */
export function briefMonth(b: Pick<BriefSummaryDto, 'year' | 'month'>): string {
  return `${b.year}-${String(b.month).padStart(2, '0')}`;
}
