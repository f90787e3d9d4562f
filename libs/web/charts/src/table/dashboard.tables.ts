/**
 * Data-table views (and CSV) of the dashboard charts: the same figures, formatted the same way as the
 * tooltips. Every cell is display text ("—" when missing).
 */
import type { BreakdownItemDto, MeasureDto, ParkCompareDto } from '@im/contracts';
import { MISSING, displayUnitFor, formatNumber, formatPercent, formatPp, withUnit, type DisplayLocale } from '../format/number-format';
import type { TableColumn, TableModel, TableRow } from './monthly-trend.table';

export interface BreakdownTableLabels {
  rank: string;
  name: string;
  region: string;
  industry: string;
  month: string;
  ytd: string;
  yoyMonth: string;
  yoyYtd: string;
  share: string;
  contribution: string;
  contributionRate: string;
  notes: string;
  /** Remark of a nominal YoY computed from levels. */
  computed: string;
  noData: string;
  /** Remark of a derived figure (a sum). */
  derived: string;
  total: string;
}

export interface BreakdownTableInput {
  items: readonly BreakdownItemDto[];
  other?: BreakdownItemDto | null;
  /** A first row for the parent (合计). */
  parent?: { name: string; month: MeasureDto; ytd: MeasureDto } | null;
  unit: string;
  locale: DisplayLocale;
  labels: BreakdownTableLabels;
  nameOf?: (item: BreakdownItemDto) => string;
  regionOf?: (item: BreakdownItemDto) => string | null;
  industryOf?: (item: BreakdownItemDto) => string | null;
  /** Columns to show besides rank and name (default: all figures). */
  columns?: readonly BreakdownColumnKey[];
  /** Thousands separators (true for the screen, false for CSV). */
  grouping?: boolean;
}

export type BreakdownColumnKey = 'rank' | 'name' | 'region' | 'industry' | 'month' | 'yoyMonth' | 'ytd' | 'yoyYtd' | 'share' | 'contribution' | 'contributionRate' | 'notes';

const DEFAULT_COLUMNS: BreakdownColumnKey[] = ['month', 'yoyMonth', 'ytd', 'yoyYtd', 'share', 'contribution', 'contributionRate', 'notes'];

export function buildBreakdownTable(input: BreakdownTableInput): TableModel<BreakdownColumnKey> {
  const { labels, locale, grouping = true } = input;
  const display = displayUnitFor(input.unit);
  const value = (v: number | null) => formatNumber(display.convert(v), { decimals: display.decimals, locale, grouping });
  const pct = (v: number | null, signed = false) => formatPercent(v, { locale, signed });
  const pp = (v: number | null) => (v == null ? MISSING : formatPp(v, { locale, decimals: 2 }).replace('个百分点', '').replace(' pp', ''));
  const wanted = new Set<BreakdownColumnKey>(['rank', 'name', ...(input.columns ?? DEFAULT_COLUMNS)]);
  const all: TableColumn<BreakdownColumnKey>[] = [
    { key: 'rank', label: labels.rank, align: 'right' },
    { key: 'name', label: labels.name, align: 'left' },
    { key: 'region', label: labels.region, align: 'left' },
    { key: 'industry', label: labels.industry, align: 'left' },
    { key: 'month', label: withUnit(labels.month, display.unit, locale), align: 'right' },
    { key: 'yoyMonth', label: withUnit(labels.yoyMonth, '%', locale), align: 'right' },
    { key: 'ytd', label: withUnit(labels.ytd, display.unit, locale), align: 'right' },
    { key: 'yoyYtd', label: withUnit(labels.yoyYtd, '%', locale), align: 'right' },
    { key: 'share', label: withUnit(labels.share, '%', locale), align: 'right' },
    { key: 'contribution', label: locale === 'en' ? `${labels.contribution} (pp)` : `${labels.contribution}（个百分点）`, align: 'right' },
    { key: 'contributionRate', label: withUnit(labels.contributionRate, '%', locale), align: 'right' },
    { key: 'notes', label: labels.notes, align: 'left' },
  ];
  const columns = all.filter((c) => wanted.has(c.key));
  const sep = locale === 'en' ? '; ' : '；';
  const row = (key: string, rank: string, name: string, m: MeasureDto, y: MeasureDto, extra: { region?: string | null; industry?: string | null; hasData: boolean; derived?: boolean }): TableRow<BreakdownColumnKey> => {
    const notes: string[] = [];
    if (!extra.hasData) notes.push(labels.noData);
    if (extra.derived) notes.push(labels.derived);
    if ((y.yoyBasis === 'computed' && y.yoyPct != null) || (m.yoyBasis === 'computed' && m.yoyPct != null)) notes.push(labels.computed);
    return {
      key,
      cells: {
        rank,
        name,
        region: extra.region ?? MISSING,
        industry: extra.industry ?? MISSING,
        month: value(m.value),
        yoyMonth: pct(m.yoyPct, true),
        ytd: value(y.value),
        yoyYtd: pct(y.yoyPct, true),
        share: pct(y.sharePct),
        contribution: pp(y.contributionPp),
        contributionRate: pct(y.contributionRatePct),
        notes: notes.join(sep),
      },
    };
  };
  const rows: TableRow<BreakdownColumnKey>[] = [];
  if (input.parent) rows.push(row('__parent', '', `${input.parent.name}（${labels.total}）`, input.parent.month, input.parent.ytd, { hasData: input.parent.ytd.value != null, derived: input.parent.ytd.derived }));
  for (const item of input.items) {
    rows.push(
      row(item.code, item.rank == null ? '' : String(item.rank), input.nameOf ? input.nameOf(item) : item.name, item.month, item.ytd, {
        region: input.regionOf?.(item) ?? item.region?.name ?? null,
        industry: input.industryOf?.(item) ?? item.industry?.name ?? null,
        hasData: item.hasData,
      }),
    );
  }
  if (input.other) rows.push(row('__other', '', input.nameOf ? input.nameOf(input.other) : input.other.name, input.other.month, input.other.ytd, { hasData: input.other.hasData, derived: true }));
  return { columns, rows };
}

export interface ParkCompareTableLabels {
  metric: string;
  district: string;
  ytd: string;
  month: string;
  yoyYtd: string;
  shareOfCity: string;
  shareOfDistrict: string;
  contributionToCity: string;
  perMu: string;
  rankByValue: string;
  rankByGrowth: string;
  keyEnterprises: string;
  keyEnterpriseShare: string;
  carried: string;
  /** "{rank}/{of}" */
  rankOf: (rank: number, of: number) => string;
  unverified: string;
}

export type ParkMetricKey =
  | 'district'
  | 'ytd'
  | 'month'
  | 'yoyYtd'
  | 'shareOfCity'
  | 'shareOfDistrict'
  | 'contributionToCity'
  | 'perMu'
  | 'rankByValue'
  | 'rankByGrowth'
  | 'keyEnterprises'
  | 'keyEnterpriseShare'
  | 'carried';

/** Metrics as rows, parks as columns (`p0`, `p1` …): reads like the comparison tables of a report. */
export function buildParkCompareTable(
  dto: ParkCompareDto,
  options: { locale: DisplayLocale; labels: ParkCompareTableLabels; nameOf?: (p: { name: string; nameEn: string | null }) => string; grouping?: boolean },
): TableModel {
  const { locale, labels, grouping = true } = options;
  const display = displayUnitFor('万元');
  const nameOf = options.nameOf ?? ((p: { name: string }) => p.name);
  const value = (v: number | null) => formatNumber(display.convert(v), { decimals: display.decimals, locale, grouping });
  const columns: TableColumn[] = [{ key: 'metric', label: labels.metric, align: 'left' }, ...dto.parks.map((p, i) => ({ key: `p${i}`, label: nameOf(p), align: 'right' as const }))];
  const metric = (key: ParkMetricKey, label: string, cell: (p: ParkCompareDto['parks'][number]) => string): TableRow => ({
    key,
    cells: { metric: label, ...Object.fromEntries(dto.parks.map((p, i) => [`p${i}`, cell(p)])) },
  });
  const rows: TableRow[] = [
    metric('district', labels.district, (p) => (p.district ? `${nameOf(p.district)}${p.districtVerified ? '' : labels.unverified}` : MISSING)),
    metric('ytd', withUnit(labels.ytd, display.unit, locale), (p) => value(p.ytd.value)),
    metric('month', withUnit(labels.month, display.unit, locale), (p) => value(p.month.value)),
    metric('yoyYtd', withUnit(labels.yoyYtd, '%', locale), (p) => formatPercent(p.ytd.yoyPct, { signed: true, locale })),
    metric('shareOfCity', withUnit(labels.shareOfCity, '%', locale), (p) => formatPercent(p.ytd.shareOfCityPct, { locale, decimals: 2 })),
    metric('shareOfDistrict', withUnit(labels.shareOfDistrict, '%', locale), (p) => formatPercent(p.ytd.shareOfDistrictPct, { locale })),
    metric('contributionToCity', locale === 'en' ? `${labels.contributionToCity} (pp)` : `${labels.contributionToCity}（个百分点）`, (p) =>
      p.ytd.contributionToCityPp == null ? MISSING : formatNumber(p.ytd.contributionToCityPp, { decimals: 2, signed: true, locale }),
    ),
    metric('perMu', withUnit(labels.perMu, '万元/亩', locale), (p) => formatNumber(p.ytdPerMu, { decimals: 2, locale, grouping })),
    metric('rankByValue', labels.rankByValue, (p) => (p.rankByValue == null ? MISSING : labels.rankOf(p.rankByValue, dto.rankedParks))),
    metric('rankByGrowth', labels.rankByGrowth, (p) => (p.rankByGrowth == null ? MISSING : labels.rankOf(p.rankByGrowth, dto.rankedParks))),
    metric('keyEnterprises', labels.keyEnterprises, (p) => String(p.keyEnterprises.count)),
    metric('keyEnterpriseShare', withUnit(labels.keyEnterpriseShare, '%', locale), (p) => formatPercent(p.keyEnterprises.shareOfParkPct, { locale })),
    metric('carried', labels.carried, (p) => (p.carried.length ? p.carried.map((c) => nameOf(c)).join(locale === 'en' ? ', ' : '、') : MISSING)),
  ];
  return { columns, rows };
}

export interface TargetTrendTableLabels {
  year: string;
  actual: string;
  planned: string;
  gap: string;
  projection: string;
}

/** Year by year: actual, planned path, actual − planned, and the projection in the target year. */
export function buildTargetTrendTable(input: {
  actual: readonly { year: number; value: number }[];
  planned: readonly { year: number; value: number }[];
  projection: { year: number; value: number } | null;
  unit: string;
  decimals: number;
  locale: DisplayLocale;
  labels: TargetTrendTableLabels;
  grouping?: boolean;
}): TableModel {
  const { labels, locale, decimals, grouping = true } = input;
  const years = [...new Set([...input.actual, ...input.planned, ...(input.projection ? [input.projection] : [])].map((p) => p.year))].sort((a, b) => a - b);
  const num = (v: number | null | undefined) => formatNumber(v ?? null, { decimals, locale, grouping });
  return {
    columns: [
      { key: 'year', label: labels.year, align: 'left' },
      { key: 'actual', label: withUnit(labels.actual, input.unit, locale), align: 'right' },
      { key: 'planned', label: withUnit(labels.planned, input.unit, locale), align: 'right' },
      { key: 'gap', label: withUnit(labels.gap, input.unit, locale), align: 'right' },
      { key: 'projection', label: withUnit(labels.projection, input.unit, locale), align: 'right' },
    ],
    rows: years.map((year) => {
      const actual = input.actual.find((p) => p.year === year)?.value ?? null;
      const planned = input.planned.find((p) => p.year === year)?.value ?? null;
      const gap = actual != null && planned != null ? actual - planned : null;
      return {
        key: String(year),
        cells: {
          year: locale === 'en' ? String(year) : `${year}年`,
          actual: num(actual),
          planned: num(planned),
          gap: gap == null ? MISSING : formatNumber(gap, { decimals, locale, grouping, signed: true }),
          projection: input.projection?.year === year ? num(input.projection.value) : MISSING,
        },
      };
    }),
  };
}
