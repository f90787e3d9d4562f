/**
 * Horizontal ranking bars (parks by value or by growth, districts, industries): largest on top, the
 * highlighted rows (a district's parks, the parks being compared) marked by colour and by a "▶" before
 * the name, so that colour is not the only carrier.
 */
import type { DashboardOption } from '../core/dashboard-option';
import { AXIS_COLOR, SPLIT_LINE_COLOR } from '../core/dashboard-option';
import { MISSING, displayUnitFor, formatAxisNumber, formatNumber, formatPercent, unitLabel, withUnit, type DisplayLocale } from '../format/number-format';
import { tooltipHtml, type TooltipLine } from '../format/tooltip-html';

export interface RankingRow {
  code: string;
  name: string;
  /** The ranked figure: a stored value (e.g. 万元) for `value`, a percentage for `growth`. */
  value: number | null;
  highlight?: boolean;
  /** Text at the end of the bar instead of the value (e.g. "5,531.94 · +5.7%"). */
  label?: string;
  /** More lines for the tooltip (already formatted). */
  details?: TooltipLine[];
}

export interface RankingInput {
  rows: readonly RankingRow[];
  measure: 'value' | 'growth';
  /** Storage unit of `value` rows. */
  unit: string;
  locale: DisplayLocale;
  /** Axis / series name: "1-10月累计" or "累计同比". */
  label: string;
  title?: string;
  subtitle?: string;
  /** Bar thickness limit in px (default 18; the wall screen uses thicker bars). */
  barMaxWidth?: number;
}

export const RANKING_COLORS = { normal: '#8fafd4', highlight: '#2f6db5', negative: '#e7a3a1', negativeHighlight: '#d4524e' } as const;

/** Rows with a figure, largest first (ties keep their order); rows without one are left out. */
export function rankedRows(rows: readonly RankingRow[]): RankingRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.value != null)
    .sort((a, b) => b.r.value! - a.r.value! || a.i - b.i)
    .map(({ r }) => r);
}

export function buildRankingOption(input: RankingInput): DashboardOption {
  const { locale } = input;
  const rows = rankedRows(input.rows);
  const display = input.measure === 'value' ? displayUnitFor(input.unit) : null;
  const shown = (v: number) => (display ? (display.convert(v) ?? 0) : v);
  const text = (v: number | null) =>
    v == null ? MISSING : display ? formatNumber(display.convert(v), { decimals: display.decimals, locale }) : formatPercent(v, { signed: true, locale });
  const axisName = display ? withUnit(input.label, display.unit, locale) : withUnit(input.label, '%', locale);
  const hasTitle = Boolean(input.title);
  return {
    title: hasTitle ? { text: input.title, subtext: input.subtitle, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 600, color: '#1f2329' }, subtextStyle: { fontSize: 12, color: '#646a73' } } : undefined,
    aria: { enabled: true, label: { description: `${input.title ?? input.label}：${rows.map((r, i) => `${i + 1}. ${r.name} ${text(r.value)}`).join('；')}` } },
    grid: { left: 8, right: 64, top: hasTitle ? 64 : 16, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const index = ((Array.isArray(params) ? params[0] : params) as { dataIndex?: number })?.dataIndex;
        const row = index == null ? undefined : rows[index];
        if (!row) return '';
        const valueLine = { label: input.label, value: display ? `${text(row.value)} ${unitLabel(display.unit, locale)}` : text(row.value) };
        return tooltipHtml(`${index! + 1}. ${row.name}`, [valueLine, ...(row.details ?? [])]);
      },
    },
    xAxis: {
      type: 'value',
      name: axisName,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: AXIS_COLOR },
      axisLabel: { formatter: (v: number) => formatAxisNumber(v, locale), color: AXIS_COLOR },
      splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => (r.highlight ? `▶ ${r.name}` : r.name)),
      axisLabel: { color: AXIS_COLOR, width: 150, overflow: 'truncate', fontSize: 12 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: input.label,
        barMaxWidth: input.barMaxWidth ?? 18,
        data: rows.map((r) => ({
          value: shown(r.value!),
          itemStyle: {
            color: r.value! < 0 ? (r.highlight ? RANKING_COLORS.negativeHighlight : RANKING_COLORS.negative) : r.highlight ? RANKING_COLORS.highlight : RANKING_COLORS.normal,
          },
        })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => rows[p.dataIndex].label ?? text(rows[p.dataIndex].value), fontSize: 11, color: '#1f2329' },
      },
    ],
  };
}
