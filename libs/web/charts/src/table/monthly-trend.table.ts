import { displayUnitFor, formatNumber, formatPercent, withUnit, type DisplayLocale } from '../format/number-format';
import { formatPeriodLabel } from '../format/period-label';
import type { MonthlyTrendLabels } from '../options/monthly-trend.option';
import type { TrendRow } from '../options/monthly-trend.rows';

/** Header words of the data table (from the app's i18n). */
export interface MonthlyTrendTableLabels extends MonthlyTrendLabels {
  period: string;
  /** 同比增长% of 本月 */
  yoyMonth: string;
  /** 同比增长% of 累计 */
  yoyYtd: string;
  notes: string;
}

export type TrendColumnKey = 'period' | 'month' | 'yoyMonth' | 'ytd' | 'yoyYtd' | 'notes';

export interface TableColumn<K extends string = string> {
  key: K;
  label: string;
  align: 'left' | 'right';
}

export interface TableRow<K extends string = string> {
  key: string;
  /** Display text of every cell, already formatted ("—" when missing). */
  cells: Record<K, string>;
}

export interface TableModel<K extends string = string> {
  columns: TableColumn<K>[];
  rows: TableRow<K>[];
}

export interface MonthlyTrendTableInput {
  rows: readonly TrendRow[];
  unit: string;
  decimals?: number;
  locale: DisplayLocale;
  labels: MonthlyTrendTableLabels;
  /** Thousands separators (true for the screen, false for CSV). */
  grouping?: boolean;
}

/** The data-table view of a monthly chart: the same rows, formatted the same way as the tooltip. */
export function buildMonthlyTrendTable(input: MonthlyTrendTableInput): TableModel<TrendColumnKey> {
  const { labels, locale, grouping = true } = input;
  const display = displayUnitFor(input.unit, input.decimals ?? 0);
  const columns: TableColumn<TrendColumnKey>[] = [
    { key: 'period', label: labels.period, align: 'left' },
    { key: 'month', label: withUnit(labels.month, display.unit, locale), align: 'right' },
    { key: 'yoyMonth', label: labels.yoyMonth, align: 'right' },
    { key: 'ytd', label: withUnit(labels.ytd, display.unit, locale), align: 'right' },
    { key: 'yoyYtd', label: labels.yoyYtd, align: 'right' },
    { key: 'notes', label: labels.notes, align: 'left' },
  ];
  const sep = locale === 'en' ? '; ' : '；';
  const rows = input.rows.map((row): TableRow<TrendColumnKey> => {
    const p = row.point;
    const value = (v: number | null | undefined) => formatNumber(display.convert(v), { decimals: display.decimals, locale, grouping });
    const pct = (v: number | null | undefined) => formatPercent(v, { locale, grouping });
    const notes: string[] = [];
    if (!p) notes.push(labels.noData);
    else {
      if (p.mergedJanFeb && p.valueMonth == null) notes.push(labels.mergedNoMonth);
      if (p.valueMonth != null && p.monthDerived) notes.push(`${labels.month}${locale === 'en' ? ' ' : ''}${labels.derived}`);
      if (p.valueYtd != null && p.ytdDerived) notes.push(`${labels.ytd}${locale === 'en' ? ' ' : ''}${labels.derived}`);
      if (p.yoyComputed && (p.yoyMonthPct != null || p.yoyYtdPct != null)) notes.push(labels.yoyComputed);
      if (p.source?.demo) notes.push(labels.demo);
    }
    return {
      key: row.key,
      cells: {
        period: formatPeriodLabel(row, locale),
        month: value(p?.valueMonth),
        yoyMonth: pct(p?.yoyMonthPct),
        ytd: value(p?.valueYtd),
        yoyYtd: pct(p?.yoyYtdPct),
        notes: notes.join(sep),
      },
    };
  });
  return { columns, rows };
}
