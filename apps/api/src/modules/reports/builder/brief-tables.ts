/**
 * Tables and chart data of the brief from the dashboards' answers: amounts converted from the storage
 * unit (万元) to 亿元 exactly (domain), rates as reported or computed by the read side, each row with
 * the file row its main figure came from. Pure.
 */
import type { BreakdownItemDto, BriefChartDto, BriefTableColumnDto, BriefTableDto, BriefTableRowDto, FigureSourceDto, MeasureDto } from '@im/contracts';
import { STORAGE_AMOUNT_UNIT, convertAmount } from '@im/domain';

/** 亿元 of a value in 万元 (null stays null). */
export function yi(valueWan: number | null): number | null {
  return valueWan === null ? null : convertAmount(valueWan, STORAGE_AMOUNT_UNIT, '亿元');
}

export function sourceText(source: FigureSourceDto | null): string | null {
  if (!source) return null;
  return `${source.demo ? '演示数据' : '上传'}批次 ${source.batchId} 第 ${source.row} 行`;
}

export function breakdownColumns(nameLabel: string, periodLabel: string, withShare: boolean, withPull: boolean): BriefTableColumnDto[] {
  return [
    { key: 'name', label: nameLabel, format: 'text' },
    { key: 'ytd', label: `${periodLabel}累计（亿元）`, format: 'amount' },
    { key: 'yoy', label: '同比增长（%）', format: 'percent' },
    ...(withShare ? [{ key: 'share', label: '占比（%）', format: 'percent' as const }] : []),
    ...(withPull ? [{ key: 'pull', label: '拉动（百分点）', format: 'pp' as const }] : []),
  ];
}

/**
 * A row of a breakdown: 累计 in 亿元, growth, share, 拉动. `sumSource` names where a figure without a
 * file row of its own comes from (e.g. 各产业合计 for a district summed over the five industries).
 */
export function measureRow(name: string, ytd: MeasureDto, source: FigureSourceDto | null, extra: Record<string, string | number | null> = {}, sumSource: string | null = null): BriefTableRowDto {
  return {
    cells: { name, ytd: yi(ytd.value), yoy: ytd.yoyPct, share: ytd.sharePct, pull: ytd.contributionPp, ...extra },
    source: sourceText(source) ?? (ytd.value !== null ? sumSource : null),
  };
}

export function breakdownTable(
  title: string,
  nameLabel: string,
  periodLabel: string,
  items: readonly BreakdownItemDto[],
  options: { share: boolean; pull: boolean; note?: string | null; sumSource?: string | null },
): BriefTableDto {
  return {
    title,
    columns: breakdownColumns(nameLabel, periodLabel, options.share, options.pull),
    rows: items.map((i) => measureRow(i.name, i.ytd, i.source, {}, options.sumSource ?? null)),
    note: options.note ?? null,
  };
}

/** Bars of the YTD values (亿元) and their growth. */
export function valueChart(title: string, items: readonly { name: string; ytd: MeasureDto }[]): BriefChartDto {
  return {
    title,
    unit: '亿元',
    categories: items.map((i) => i.name),
    series: [{ name: '累计值', values: items.map((i) => yi(i.ytd.value)) }],
  };
}

export function growthChart(title: string, items: readonly { name: string; ytd: MeasureDto }[]): BriefChartDto {
  return { title, unit: '%', categories: items.map((i) => i.name), series: [{ name: '同比增长', values: items.map((i) => i.ytd.yoyPct) }] };
}
