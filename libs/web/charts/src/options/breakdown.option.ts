/**
 * Charts of a breakdown (the children of a subject for a period): a treemap of their YTD values and a
 * waterfall of their contribution to the parent's growth (拉动, percentage points), closed by the
 * parent's growth. Pure: data in, option out.
 */
import type { BarSeriesOption } from 'echarts/charts';
import type { BreakdownItemDto } from '@im/contracts';
import type { DashboardOption } from '../core/dashboard-option';
import { AXIS_COLOR, PALETTE, SPLIT_LINE_COLOR } from '../core/dashboard-option';
import { MISSING, displayUnitFor, formatAxisNumber, formatNumber, formatPercent, formatPp, unitLabel, type DisplayLocale } from '../format/number-format';
import { tooltipHtml } from '../format/tooltip-html';

export interface BreakdownChartLabels {
  /** 1–本月累计 */
  ytd: string;
  yoy: string;
  share: string;
  contribution: string;
  contributionRate: string;
  /** Total bar of the waterfall: the parent's growth. */
  total: string;
  /** Remark of a nominal YoY computed from levels. */
  computed: string;
}

export interface BreakdownChartInput {
  items: readonly BreakdownItemDto[];
  /** The remainder (其他 / 园区外 / 非重点企业), drawn last. */
  other?: BreakdownItemDto | null;
  unit: string;
  locale: DisplayLocale;
  labels: BreakdownChartLabels;
  /** Display names (English names in English). */
  nameOf?: (item: BreakdownItemDto) => string;
  title?: string;
  subtitle?: string;
}

const nameOf = (input: BreakdownChartInput, item: BreakdownItemDto) => (input.nameOf ? input.nameOf(item) : item.name);

function titleBlock(input: BreakdownChartInput): Pick<DashboardOption, 'title'> {
  return input.title
    ? { title: { text: input.title, subtext: input.subtitle, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 600, color: '#1f2329' }, subtextStyle: { fontSize: 12, color: '#646a73' } } }
    : {};
}

function itemTooltip(input: BreakdownChartInput, item: BreakdownItemDto): string {
  const { labels, locale } = input;
  const display = displayUnitFor(input.unit);
  const value = display.convert(item.ytd.value);
  return tooltipHtml(nameOf(input, item), [
    { label: labels.ytd, value: value == null ? MISSING : `${formatNumber(value, { decimals: display.decimals, locale })} ${unitLabel(display.unit, locale)}` },
    { label: labels.yoy, value: formatPercent(item.ytd.yoyPct, { signed: true, locale }), note: item.ytd.yoyBasis === 'computed' ? labels.computed : undefined },
    { label: labels.share, value: formatPercent(item.ytd.sharePct, { locale }) },
    { label: labels.contribution, value: formatPp(item.ytd.contributionPp, { locale, decimals: 2 }) },
    { label: labels.contributionRate, value: formatPercent(item.ytd.contributionRatePct, { locale }) },
  ]);
}

/** Items with a positive YTD value (a treemap cannot draw missing or negative values). */
export function treemapItems(input: Pick<BreakdownChartInput, 'items' | 'other'>): BreakdownItemDto[] {
  return [...input.items, ...(input.other ? [input.other] : [])].filter((i) => i.ytd.value != null && i.ytd.value > 0);
}

export function buildBreakdownTreemapOption(input: BreakdownChartInput): DashboardOption {
  const display = displayUnitFor(input.unit);
  const items = treemapItems(input);
  const shareByName = new Map(items.map((item) => [nameOf(input, item), formatPercent(item.ytd.sharePct, { locale: input.locale })]));
  return {
    ...titleBlock(input),
    aria: { enabled: true, label: { description: `${input.title ?? ''} ${items.map((i) => `${nameOf(input, i)} ${formatPercent(i.ytd.sharePct)}`).join('，')}` } },
    tooltip: {
      confine: true,
      formatter: (p: unknown) => {
        const name = (p as { name?: string }).name;
        const item = items.find((i) => nameOf(input, i) === name);
        return item ? itemTooltip(input, item) : '';
      },
    },
    series: [
      {
        type: 'treemap',
        top: input.title ? 56 : 8,
        left: 4,
        right: 4,
        bottom: 4,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        label: {
          show: true,
          formatter: (p: { name?: string }) => `${p.name ?? ''}\n${shareByName.get(p.name ?? '') ?? ''}`,
          fontSize: 12,
          overflow: 'truncate',
        },
        upperLabel: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 },
        data: items.map((item, index) => ({
          name: nameOf(input, item),
          value: display.convert(item.ytd.value) ?? 0,
          itemStyle: { color: item.kind === 'other' ? '#b8bec8' : PALETTE[index % PALETTE.length] },
        })),
      },
    ],
  };
}

export interface WaterfallBar {
  name: string;
  /** 拉动 (pp); the total bar carries the parent's growth. */
  pp: number;
  lo: number;
  hi: number;
  total: boolean;
}

/**
 * The floating bars of a 拉动 waterfall: each child from the running sum before it to the running sum
 * after it, then the total from 0 to the sum (the parent's nominal growth). Children without a 拉动
 * are left out.
 */
export function waterfallBars(items: readonly { name: string; pp: number | null }[], totalName: string): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let running = 0;
  for (const item of items) {
    if (item.pp == null) continue;
    const next = running + item.pp;
    bars.push({ name: item.name, pp: item.pp, lo: Math.min(running, next), hi: Math.max(running, next), total: false });
    running = next;
  }
  bars.push({ name: totalName, pp: running, lo: Math.min(0, running), hi: Math.max(0, running), total: true });
  return bars;
}

export const WATERFALL_COLORS = { up: '#2f6db5', down: '#d4524e', total: '#1f3d66' } as const;

export function buildContributionWaterfallOption(input: BreakdownChartInput): DashboardOption {
  const { labels, locale } = input;
  const children = [...input.items, ...(input.other ? [input.other] : [])];
  const bars = waterfallBars(
    children.map((i) => ({ name: nameOf(input, i), pp: i.ytd.contributionPp })),
    labels.total,
  );
  const byName = new Map(children.map((i) => [nameOf(input, i), i]));
  // Floating bars through stacking: a transparent base, then the visible part. ECharts stacks positive
  // and negative values separately, so a bar that crosses zero is drawn as two parts without a base.
  const base = bars.map((b) => (b.lo >= 0 ? b.lo : b.hi <= 0 ? b.hi : null));
  const main = bars.map((b) => (b.lo >= 0 ? b.hi - b.lo : b.hi <= 0 ? b.lo - b.hi : b.hi));
  const below = bars.map((b) => (b.lo < 0 && b.hi > 0 ? b.lo : null));
  const color = (b: WaterfallBar) => (b.total ? WATERFALL_COLORS.total : b.pp >= 0 ? WATERFALL_COLORS.up : WATERFALL_COLORS.down);
  const visible = (data: (number | null)[], withLabel: boolean): BarSeriesOption => ({
    type: 'bar',
    stack: 'waterfall',
    barMaxWidth: 36,
    data: data.map((v, i) => (v == null ? null : { value: v, itemStyle: { color: color(bars[i]) } })),
    label: withLabel
      ? { show: true, position: 'top', formatter: (p: { dataIndex: number }) => formatPp(bars[p.dataIndex].pp, { locale, decimals: 2 }).replace('个百分点', ''), fontSize: 11, color: '#1f2329' }
      : { show: false },
  });
  return {
    ...titleBlock(input),
    aria: { enabled: true, label: { description: `${input.title ?? ''} ${bars.map((b) => `${b.name} ${formatPp(b.pp, { locale, decimals: 2 })}`).join('，')}` } },
    grid: { left: 16, right: 16, top: input.title ? 70 : 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: unknown) => {
        const index = ((Array.isArray(params) ? params[0] : params) as { dataIndex?: number })?.dataIndex;
        if (index == null) return '';
        const bar = bars[index];
        const item = byName.get(bar.name);
        if (bar.total || !item) return tooltipHtml(bar.name, [{ label: labels.contribution, value: formatPp(bar.pp, { locale, decimals: 2 }) }]);
        return itemTooltip(input, item);
      },
    },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.name),
      // Long names (English, or many sub-fields) are slanted rather than run into each other.
      axisLabel: { color: AXIS_COLOR, interval: 0, rotate: bars.length > 7 || bars.some((b) => b.name.length > 8) ? 30 : 0, overflow: 'truncate', width: 90 },
    },
    yAxis: {
      type: 'value',
      name: locale === 'en' ? `${labels.contribution} (pp)` : `${labels.contribution}（个百分点）`,
      nameTextStyle: { align: 'left', color: AXIS_COLOR },
      axisLabel: { formatter: (v: number) => formatAxisNumber(v, locale), color: AXIS_COLOR },
      splitLine: { lineStyle: { color: SPLIT_LINE_COLOR } },
    },
    series: [
      { type: 'bar', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, data: base, tooltip: { show: false } },
      visible(main, true),
      visible(below, false),
    ],
  };
}
