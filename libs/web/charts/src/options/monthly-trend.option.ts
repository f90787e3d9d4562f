import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { escapeHtml } from '../format/html-escape';
import { MISSING, displayUnitFor, formatAxisNumber, formatNumber, formatPercent, unitLabel, withUnit, type DisplayLocale } from '../format/number-format';
import { formatPeriodLabel, formatPeriodRange } from '../format/period-label';
import type { TrendRow } from './monthly-trend.rows';

export type MonthlyTrendOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/** User-visible words of the chart, supplied by the app's i18n (the chart library holds no UI text). */
export interface MonthlyTrendLabels {
  /** 本月 */
  month: string;
  /** 1–本月累计 */
  ytd: string;
  /** 同比 */
  yoy: string;
  /** Marks a value derived from the other form (month = YTD(m) − YTD(m−1)). */
  derived: string;
  /** Marks a YoY computed from nominal values rather than reported. */
  yoyComputed: string;
  /** Marks demo data. */
  demo: string;
  /** Explains the empty 本月 of a merged 1–2月 figure. */
  mergedNoMonth: string;
  /** Shown for a month without any published figure. */
  noData: string;
  /** 本月同比 (series name of the monthly growth line); default "本月" + yoy. */
  yoyMonth?: string;
  /** 累计同比 (series name of the YTD growth line); default "累计" + yoy. */
  yoyYtd?: string;
}

export interface MonthlyTrendInput {
  rows: readonly TrendRow[];
  /** Storage unit of the values (万元 for money: displayed in 亿元). */
  unit: string;
  /** Decimals for non-money units. */
  decimals?: number;
  /** Name of the subject (industry), shown in the tooltip header. */
  subjectName?: string;
  /** Drawn on the canvas so that an exported PNG says what it shows. */
  title?: string;
  subtitle?: string;
  locale: DisplayLocale;
  labels: MonthlyTrendLabels;
}

export const TREND_COLORS = { month: '#3a78c3', ytd: '#d9822b', yoyYtd: '#3aa17e', yoyMonth: '#8a5cc2' } as const;

function marker(color: string): string {
  return `<span style="display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:${color}"></span>`;
}

function notes(parts: Array<string | false | null | undefined>, locale: DisplayLocale): string {
  const kept = parts.filter((p): p is string => Boolean(p)).map(escapeHtml);
  if (!kept.length) return '';
  const text = locale === 'en' ? `(${kept.join(', ')})` : `（${kept.join('，')}）`;
  return ` <span style="color:#8a8f99">${text}</span>`;
}

/**
 * HTML of the tooltip for one row. Every piece of text is escaped: names come from reference data
 * and must never be interpreted as markup.
 */
export function formatTrendTooltip(row: TrendRow, input: Omit<MonthlyTrendInput, 'rows'>): string {
  const { labels, locale } = input;
  const display = displayUnitFor(input.unit, input.decimals ?? 0);
  const unit = escapeHtml(unitLabel(display.unit, locale));
  const period = formatPeriodLabel(row, locale);
  const header = input.subjectName ? `${input.subjectName} · ${period}` : period;
  const colon = locale === 'en' ? ': ' : '：';
  const lines = [`<div style="font-weight:600;margin-bottom:4px">${escapeHtml(header)}</div>`];
  const p = row.point;
  if (!p) {
    lines.push(`<div>${escapeHtml(labels.noData)}</div>`);
    return lines.join('');
  }
  // A missing value is a bare "—": "— 亿元" would read as a quantity.
  const value = (v: number | null) => {
    const converted = display.convert(v);
    return converted == null ? MISSING : `${escapeHtml(formatNumber(converted, { decimals: display.decimals, locale }))} ${unit}`;
  };
  const yoy = (v: number | null) => (v == null ? '' : ` &nbsp;${escapeHtml(labels.yoy)} ${escapeHtml(formatPercent(v, { signed: true, locale }))}`);

  const monthMissingBecauseMerged = p.mergedJanFeb && p.valueMonth == null;
  lines.push(
    `<div>${marker(TREND_COLORS.month)}${escapeHtml(labels.month)}${colon}${value(p.valueMonth)}${yoy(p.yoyMonthPct)}` +
      notes([monthMissingBecauseMerged && labels.mergedNoMonth, p.valueMonth != null && p.monthDerived && labels.derived,
        p.yoyMonthPct != null && p.yoyComputed && labels.yoyComputed], locale) +
      '</div>',
  );
  lines.push(
    `<div>${marker(TREND_COLORS.ytd)}${escapeHtml(labels.ytd)}${colon}${value(p.valueYtd)}${yoy(p.yoyYtdPct)}` +
      notes([p.valueYtd != null && p.ytdDerived && labels.derived, p.yoyYtdPct != null && p.yoyComputed && labels.yoyComputed], locale) +
      '</div>',
  );
  if (p.source?.demo) {
    lines.push(`<div style="margin-top:4px;color:#b86e00">${escapeHtml(labels.demo)}</div>`);
  }
  return lines.join('');
}

/** Short description for screen readers (ECharts aria). */
export function describeTrend(input: MonthlyTrendInput): string {
  const { rows, locale, labels } = input;
  if (rows.length === 0) return labels.noData;
  const display = displayUnitFor(input.unit, input.decimals ?? 0);
  const last = [...rows].reverse().find((r) => r.point?.valueYtd != null);
  const range = formatPeriodRange(rows[0], rows[rows.length - 1], locale);
  const head = [input.title, range].filter(Boolean).join(locale === 'en' ? ', ' : '，');
  if (!last?.point) return head;
  const ytd = formatNumber(display.convert(last.point.valueYtd), { decimals: display.decimals, locale });
  const unit = unitLabel(display.unit, locale);
  return locale === 'en'
    ? `${head}. ${labels.ytd} ${formatPeriodLabel(last, locale)}: ${ytd} ${unit}.`
    : `${head}。${formatPeriodLabel(last, locale)}${labels.ytd} ${ytd} ${unit}。`;
}

/** Names of the two growth lines. */
export function yoyLineNames(labels: MonthlyTrendLabels): { month: string; ytd: string } {
  return { month: labels.yoyMonth ?? `${labels.month}${labels.yoy}`, ytd: labels.yoyYtd ?? `${labels.ytd}${labels.yoy}` };
}

/**
 * ECharts option of a monthly series: 本月 as bars and 1–本月累计 as a line on the left axis (values,
 * 亿元 for money), 同比 as lines on the second axis (%): 累计同比 shown, 本月同比 one legend click away.
 * Chinese month labels with the merged 1–2月 as one category.
 */
export function buildMonthlyTrendOption(input: MonthlyTrendInput): MonthlyTrendOption {
  const { rows, labels, locale } = input;
  const display = displayUnitFor(input.unit, input.decimals ?? 0);
  const hasTitle = Boolean(input.title);
  const yoyNames = yoyLineNames(labels);
  const years = [...new Set(rows.map((row) => row.year))];
  // A growth line restarts with the year like the YTD: a December-to-January segment would mean nothing.
  const perYear = (name: string, color: string, pick: (row: TrendRow) => number | null, axis: number, dashed = false): LineSeriesOption[] =>
    years.map((year) => ({
      name,
      type: 'line',
      yAxisIndex: axis,
      symbol: 'circle',
      symbolSize: 5,
      connectNulls: false,
      itemStyle: { color },
      lineStyle: { color, width: 2, type: dashed ? 'dashed' : 'solid' },
      data: rows.map((row) => (row.year === year ? pick(row) : null)),
    }));
  return {
    color: [TREND_COLORS.month, TREND_COLORS.ytd, TREND_COLORS.yoyYtd, TREND_COLORS.yoyMonth],
    aria: { enabled: true, label: { description: describeTrend(input) } },
    title: hasTitle
      ? {
          text: input.title,
          subtext: input.subtitle,
          left: 8,
          top: 4,
          textStyle: { fontSize: 15, fontWeight: 600, color: '#1f2329' },
          subtextStyle: { fontSize: 12, color: '#646a73' },
        }
      : undefined,
    legend: {
      top: hasTitle ? 10 : 4,
      right: 12,
      itemWidth: 14,
      itemHeight: 10,
      data: [labels.month, labels.ytd, yoyNames.ytd, yoyNames.month],
      selected: { [yoyNames.month]: false },
    },
    grid: { left: 16, right: 16, top: hasTitle ? 84 : 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? params[0] : params;
        const index = (first as { dataIndex?: number } | undefined)?.dataIndex;
        const row = index == null ? undefined : rows[index];
        return row ? formatTrendTooltip(row, input) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((row) => formatPeriodLabel(row, locale)),
      axisTick: { alignWithLabel: true },
      axisLabel: { hideOverlap: true, color: '#4e5969' },
    },
    yAxis: [
      {
        type: 'value',
        name: withUnit(`${labels.month}/${labels.ytd}`, display.unit, locale),
        nameTextStyle: { align: 'left', color: '#4e5969' },
        axisLabel: { formatter: (v: number) => formatAxisNumber(v, locale), color: '#4e5969' },
        splitLine: { lineStyle: { color: '#e5e6eb' } },
      },
      {
        type: 'value',
        name: withUnit(labels.yoy, '%', locale),
        nameTextStyle: { align: 'right', color: '#4e5969' },
        axisLabel: { formatter: (v: number) => `${formatAxisNumber(v, locale, 1)}%`, color: '#4e5969' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: labels.month,
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: 28,
        data: rows.map((row) => {
          const v = display.convert(row.point?.valueMonth);
          // A merged 1–2月 carrying a two-month value (if an API ever sends one) must not pass for a single month.
          return row.mergedJanFeb && v != null ? { value: v, itemStyle: { opacity: 0.45 } } : v;
        }),
      },
      // 累计 restarts every January: one line per year (same name, so one legend entry), never a
      // segment from December's annual total down to the next 1–2月.
      ...perYear(labels.ytd, TREND_COLORS.ytd, (row) => display.convert(row.point?.valueYtd), 0),
      ...perYear(yoyNames.ytd, TREND_COLORS.yoyYtd, (row) => row.point?.yoyYtdPct ?? null, 1, true),
      ...perYear(yoyNames.month, TREND_COLORS.yoyMonth, (row) => row.point?.yoyMonthPct ?? null, 1, true),
    ],
  };
}
