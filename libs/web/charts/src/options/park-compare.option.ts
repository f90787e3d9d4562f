/**
 * Charts of a park comparison: grouped bars (the compared figure per industry and in total, one bar per
 * park) and a radar of normalised indicators (0–100), each axis saying what 100 means.
 */
import type { DashboardOption } from '../core/dashboard-option';
import { AXIS_COLOR, PALETTE, SPLIT_LINE_COLOR } from '../core/dashboard-option';
import { MISSING, displayUnitFor, formatAxisNumber, formatNumber, unitLabel, withUnit, type DisplayLocale } from '../format/number-format';
import { tooltipHtml } from '../format/tooltip-html';

export interface GroupedBarsInput {
  /** Categories (e.g. 合计 and each industry). */
  categories: readonly string[];
  /** One series per park: a stored value per category, null when missing. */
  series: readonly { name: string; values: readonly (number | null)[] }[];
  unit: string;
  locale: DisplayLocale;
  valueLabel: string;
  title?: string;
}

export function buildGroupedBarsOption(input: GroupedBarsInput): DashboardOption {
  const { locale } = input;
  const display = displayUnitFor(input.unit);
  const text = (v: number | null) => (v == null ? MISSING : `${formatNumber(display.convert(v), { decimals: display.decimals, locale })} ${unitLabel(display.unit, locale)}`);
  return {
    color: [...PALETTE],
    aria: { enabled: true, label: { description: `${input.title ?? input.valueLabel}` } },
    legend: { top: 0, right: 8, left: 120, itemWidth: 14, itemHeight: 10, type: 'scroll' },
    grid: { left: 16, right: 16, top: 56, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const index = ((Array.isArray(params) ? params[0] : params) as { dataIndex?: number })?.dataIndex;
        if (index == null) return '';
        return tooltipHtml(
          input.categories[index],
          input.series.map((s, i) => ({ label: s.name, value: text(s.values[index] ?? null), color: PALETTE[i % PALETTE.length] })),
        );
      },
    },
    xAxis: { type: 'category', data: [...input.categories], axisLabel: { color: AXIS_COLOR, interval: 0, overflow: 'break', width: 72, lineHeight: 14 } },
    yAxis: {
      type: 'value',
      name: withUnit(input.valueLabel, display.unit, locale),
      nameTextStyle: { align: 'left', color: AXIS_COLOR },
      axisLabel: { formatter: (v: number) => formatAxisNumber(v, locale), color: AXIS_COLOR },
      splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
    },
    series: input.series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      barMaxWidth: 22,
      data: s.values.map((v) => display.convert(v)),
    })),
  };
}

export interface RadarAxis {
  key: string;
  name: string;
  /** What 100 means, for the tooltip ("规模在全部园区中的位次"). */
  meaning: string;
}

export interface RadarInput {
  axes: readonly RadarAxis[];
  /** One series per park: scores 0–100 per axis (null = missing: the axis is left out for everybody) and the raw figures as text. */
  series: readonly { name: string; scores: readonly (number | null)[]; raw: readonly string[] }[];
  locale: DisplayLocale;
  title?: string;
}

/** Axes every series has a score for (a radar cannot show "missing" without drawing it as 0). */
export function radarAxesWithData(input: RadarInput): number[] {
  return input.axes.map((_a, i) => i).filter((i) => input.series.length > 0 && input.series.every((s) => s.scores[i] != null));
}

/** 0–100 from a rank among `of` (rank 1 → 100, last → 0; a single one → 100). */
export function rankScore(rank: number | null, of: number): number | null {
  if (rank == null || of <= 0) return null;
  return of === 1 ? 100 : ((of - rank) / (of - 1)) * 100;
}

export function buildRadarOption(input: RadarInput): DashboardOption {
  const axes = radarAxesWithData(input);
  return {
    color: [...PALETTE],
    aria: { enabled: true, label: { description: `${input.title ?? ''} ${input.series.map((s) => s.name).join('，')}` } },
    legend: { bottom: 0, left: 'center', itemWidth: 14, itemHeight: 10, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const index = (p as { seriesIndex?: number; dataIndex?: number }).dataIndex;
        const s = index == null ? undefined : input.series[index];
        if (!s) return '';
        return tooltipHtml(
          s.name,
          axes.map((i) => ({ label: input.axes[i].name, value: `${formatNumber(s.scores[i], { decimals: 0 })} (${s.raw[i]})` })),
        );
      },
    },
    radar: {
      center: ['50%', '48%'],
      radius: '62%',
      indicator: axes.map((i) => ({ name: input.axes[i].name, max: 100, min: 0 })),
      axisName: { color: AXIS_COLOR, fontSize: 12 },
      splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        areaStyle: { opacity: 0.08 },
        data: input.series.map((s) => ({ name: s.name, value: axes.map((i) => s.scores[i] ?? 0) })),
      },
    ],
  };
}
