/**
 * A plan target over the years: actual annual values against the planned path (baseline → target),
 * the target marked, the projection at the actual growth rate dashed, and the running year's YTD as a
 * hollow point. Values come in the target's unit (亿元, %, 家 …), already converted.
 */
import type { LineSeriesOption } from 'echarts/charts';
import type { DashboardOption } from '../core/dashboard-option';
import { AXIS_COLOR, SPLIT_LINE_COLOR } from '../core/dashboard-option';
import { MISSING, formatAxisNumber, formatNumber, unitLabel, type DisplayLocale } from '../format/number-format';
import { tooltipHtml, type TooltipLine } from '../format/tooltip-html';

export interface YearValue {
  year: number;
  value: number;
}

export interface TargetTrendLabels {
  actual: string;
  planned: string;
  target: string;
  projection: string;
  /** The running year's YTD point ("2025年1-10月累计"). */
  current: string;
}

export interface TargetTrendInput {
  actual: readonly YearValue[];
  planned: readonly YearValue[];
  target: YearValue;
  /** From the latest actual year to the target year at the actual CAGR. */
  projection: { from: YearValue; to: YearValue } | null;
  current?: (YearValue & { label: string }) | null;
  unit: string;
  decimals: number;
  locale: DisplayLocale;
  labels: TargetTrendLabels;
  title?: string;
  subtitle?: string;
}

export const TARGET_TREND_COLORS = { actual: '#2f6db5', planned: '#8a8f99', target: '#d4524e', projection: '#e08a2e', current: '#2f6db5' } as const;

/** Every year from the first figure to the last (target, projection, running year). */
export function targetTrendYears(input: Pick<TargetTrendInput, 'actual' | 'planned' | 'target' | 'projection' | 'current'>): number[] {
  const all = [...input.actual, ...input.planned, input.target, ...(input.projection ? [input.projection.from, input.projection.to] : []), ...(input.current ? [input.current] : [])].map(
    (p) => p.year,
  );
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function buildTargetTrendOption(input: TargetTrendInput): DashboardOption {
  const { labels, locale, decimals } = input;
  const years = targetTrendYears(input);
  const at = (points: readonly YearValue[]) => years.map((y) => points.find((p) => p.year === y)?.value ?? null);
  const fmt = (v: number | null) => (v == null ? MISSING : `${formatNumber(v, { decimals, locale })} ${unitLabel(input.unit, locale)}`);
  const hasTitle = Boolean(input.title);

  const series: LineSeriesOption[] = [
    {
      name: labels.planned,
      type: 'line',
      data: at(input.planned),
      symbol: 'emptyCircle',
      symbolSize: 6,
      lineStyle: { type: 'dashed', color: TARGET_TREND_COLORS.planned, width: 2 },
      itemStyle: { color: TARGET_TREND_COLORS.planned },
      markPoint: {
        symbol: 'pin',
        symbolSize: 46,
        itemStyle: { color: TARGET_TREND_COLORS.target },
        label: { formatter: labels.target, fontSize: 11 },
        data: [{ name: labels.target, coord: [years.indexOf(input.target.year), input.target.value], value: input.target.value }],
      },
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: TARGET_TREND_COLORS.target, type: 'dotted', width: 1.5 },
        label: { formatter: `${labels.target} ${formatNumber(input.target.value, { decimals, locale })}`, position: 'insideStartTop', color: TARGET_TREND_COLORS.target },
        data: [{ yAxis: input.target.value }],
      },
    },
    {
      name: labels.actual,
      type: 'line',
      data: at(input.actual),
      symbol: 'circle',
      symbolSize: 8,
      lineStyle: { width: 3, color: TARGET_TREND_COLORS.actual },
      itemStyle: { color: TARGET_TREND_COLORS.actual },
      label: { show: true, position: 'top', formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value, { decimals, locale }) : ''), fontSize: 11, color: '#1f2329' },
    },
  ];
  if (input.projection) {
    series.push({
      name: labels.projection,
      type: 'line',
      data: at([input.projection.from, input.projection.to]),
      connectNulls: true,
      symbol: 'diamond',
      symbolSize: 7,
      lineStyle: { type: 'dashed', width: 2, color: TARGET_TREND_COLORS.projection },
      itemStyle: { color: TARGET_TREND_COLORS.projection },
    });
  }
  if (input.current) {
    series.push({
      name: labels.current,
      type: 'line',
      data: at([input.current]),
      symbol: 'emptyCircle',
      symbolSize: 10,
      lineStyle: { opacity: 0 },
      itemStyle: { color: TARGET_TREND_COLORS.current, borderWidth: 2 },
    });
  }

  return {
    aria: { enabled: true, label: { description: describeTargetTrend(input) } },
    title: hasTitle ? { text: input.title, subtext: input.subtitle, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 600, color: '#1f2329' }, subtextStyle: { fontSize: 12, color: '#646a73' } } : undefined,
    legend: { top: hasTitle ? 10 : 4, right: 12, itemWidth: 16, itemHeight: 10 },
    grid: { left: 16, right: 24, top: hasTitle ? 78 : 44, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex?: number }[];
        const index = list[0]?.dataIndex;
        if (index == null) return '';
        const year = years[index];
        const lines: TooltipLine[] = [];
        const actual = input.actual.find((p) => p.year === year);
        const planned = input.planned.find((p) => p.year === year);
        if (actual) lines.push({ label: labels.actual, value: fmt(actual.value), color: TARGET_TREND_COLORS.actual });
        if (planned) lines.push({ label: labels.planned, value: fmt(planned.value), color: TARGET_TREND_COLORS.planned });
        if (year === input.target.year) lines.push({ label: labels.target, value: fmt(input.target.value), color: TARGET_TREND_COLORS.target });
        if (input.projection && year === input.projection.to.year) lines.push({ label: labels.projection, value: fmt(input.projection.to.value), color: TARGET_TREND_COLORS.projection });
        if (input.current && year === input.current.year) lines.push({ label: input.current.label, value: fmt(input.current.value), color: TARGET_TREND_COLORS.current });
        return tooltipHtml(locale === 'en' ? String(year) : `${year}年`, lines);
      },
    },
    xAxis: { type: 'category', data: years.map((y) => (locale === 'en' ? String(y) : `${y}年`)), axisLabel: { color: AXIS_COLOR } },
    yAxis: {
      type: 'value',
      name: unitLabel(input.unit, locale),
      scale: true,
      nameTextStyle: { align: 'left', color: AXIS_COLOR },
      axisLabel: { formatter: (v: number) => formatAxisNumber(v, locale), color: AXIS_COLOR },
      splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
    },
    series,
  };
}

/** For screen readers: the last actual against the target. */
export function describeTargetTrend(input: TargetTrendInput): string {
  const last = input.actual[input.actual.length - 1];
  const unit = unitLabel(input.unit, input.locale);
  const target = `${formatNumber(input.target.value, { decimals: input.decimals, locale: input.locale })} ${unit}`;
  if (!last) return `${input.title ?? ''} ${input.labels.target} ${input.target.year}: ${target}`.trim();
  const actual = `${formatNumber(last.value, { decimals: input.decimals, locale: input.locale })} ${unit}`;
  return input.locale === 'en'
    ? `${input.title ?? ''}. ${input.labels.actual} ${last.year}: ${actual}; ${input.labels.target} ${input.target.year}: ${target}.`
    : `${input.title ?? ''}。${last.year}年${input.labels.actual} ${actual}；${input.target.year}年${input.labels.target} ${target}。`;
}
