/**
 * Wire types of the dashboard queries: breakdowns (children of a subject for a period), park
 * comparison and the completeness of the stored series. Values are in the indicator's storage unit
 * (万元 for money); percentages are already × 100; percentage points are pp. Missing is null, never 0.
 */
import type { Granularity } from './observations';
import type { RegionType } from './catalog';

/** How a YoY figure was obtained: as reported in the file, or computed here from nominal values (label it). */
export type YoyBasis = 'reported' | 'computed';

/** Where a figure came from: the uploaded file (batch) and its row. */
export interface FigureSourceDto {
  batchId: number;
  row: number;
  demo: boolean;
}

/** A batch whose figures a response shows. */
export interface BatchRefDto {
  batchId: number;
  fileName: string;
  demo: boolean;
}

/** A remark on a response: a stable code (for translation) and a Chinese message. */
export interface DashboardNoteDto {
  code: string;
  message: string;
}

export interface RegionRefDto {
  code: string;
  name: string;
  nameEn: string | null;
  type: RegionType;
}

export interface IndustryRefDto {
  code: string;
  name: string;
  nameEn: string | null;
  /** Indicator the node is measured by. */
  indicatorCode: string | null;
}

/**
 * One figure (本月 or 1–本月累计) of a subject for a period, with the same period last year and how it
 * relates to its parent.
 */
export interface MeasureDto {
  value: number | null;
  /** 上年同期. */
  lastYear: number | null;
  /** 同比增长 %: the reported figure when the file gave one, else nominal from `value` and `lastYear`. */
  yoyPct: number | null;
  yoyBasis: YoyBasis | null;
  /** value ÷ parent value × 100. */
  sharePct: number | null;
  /** 拉动 (pp) = (value − lastYear) ÷ parent's lastYear × 100, on nominal values. */
  contributionPp: number | null;
  /** 贡献率 (%) = increase ÷ parent's increase × 100. */
  contributionRatePct: number | null;
  /** True when the value was derived (本月 = difference of YTDs, or a sum of other subjects). */
  derived: boolean;
}

export type BreakdownBy = 'industry' | 'district' | 'park' | 'enterprise';
export type BreakdownItemKind = 'industry' | 'district' | 'park' | 'enterprise' | 'other';

export interface EnterpriseInfoDto {
  /** 统一社会信用代码. */
  creditCode: string;
  park: RegionRefDto | null;
  district: RegionRefDto | null;
  /** 规上 */
  aboveScale: boolean;
  /** 国家高新技术企业 */
  hnte: boolean;
  /** 专精特新"小巨人" */
  littleGiant: boolean;
  /** 单项冠军 */
  champion: boolean;
  /** 链主 */
  chainLeader: boolean;
}

export interface BreakdownItemDto {
  /** Industry / region code, credit code of an enterprise, `other` for the remainder. */
  code: string;
  name: string;
  nameEn: string | null;
  kind: BreakdownItemKind;
  /** Indicator of the item's figures (an industry's 产业规模 mixes 产值 and 营收 sub-fields). */
  indicatorCode: string | null;
  month: MeasureDto;
  ytd: MeasureDto;
  /** Rank by YTD value among the items (1 = largest); null without a value. */
  rank: number | null;
  /** Rank by YTD growth among the items; null without a growth rate. */
  rankByGrowth: number | null;
  /** False when the subject has no series of its own (figures are then null, not 0). */
  hasData: boolean;
  /** A park's district; an enterprise's park. */
  region: RegionRefDto | null;
  /** Industry of an enterprise's figures. */
  industry: IndustryRefDto | null;
  enterprise: EnterpriseInfoDto | null;
  /** Source of the YTD figure (file row), null for derived figures. */
  source: FigureSourceDto | null;
}

export interface BreakdownParentDto {
  /** `industry` node, `region`, an industry `scope` (a sum of industries), or `none` (framework roots). */
  kind: 'industry' | 'region' | 'scope' | 'none';
  code: string | null;
  name: string | null;
  nameEn: string | null;
  indicatorCode: string | null;
  month: MeasureDto;
  ytd: MeasureDto;
  /** True when the parent has no series of its own and its figures are the sum of the items. */
  derived: boolean;
  hasData: boolean;
  source: FigureSourceDto | null;
}

/** Key enterprises in the breakdown's scope (all of them, not only the listed top N). */
export interface EnterpriseTotalsDto {
  /** Enterprises with a figure for the period. */
  count: number;
  /** Their sum (本月 / 累计) and that sum's share of the parent. */
  month: MeasureDto;
  ytd: MeasureDto;
}

/** An aggregation of non-overlapping industries, e.g. the five strategic emerging industries of 5+X. */
export interface IndustryScopeDto {
  code: string;
  name: string;
  nameEn: string | null;
  industries: IndustryRefDto[];
}

/** `GET /api/observations/breakdown`: the children of a subject for a period. */
export interface BreakdownDto {
  by: BreakdownBy;
  /** `YYYY-MM` of the period (a merged 1–2月 is month 2). */
  period: string;
  /** Label of the YTD period: `2025年1-10月`. */
  ytdLabel: string;
  /** Label of the month: `2025年10月`, merged `2025年1-2月`. */
  monthLabel: string;
  lastYearPeriod: string;
  mergedJanFeb: boolean;
  /** The industry the figures are of (the parent node for `by=industry`). */
  industry: IndustryRefDto | null;
  /** The region the figures are of (the parent region for `by=district|park`). */
  region: RegionRefDto;
  /** Set when the figures are a sum over several industries (no single industry chosen). */
  scope: IndustryScopeDto | null;
  parent: BreakdownParentDto;
  /** Sorted by YTD value, largest first. */
  items: BreakdownItemDto[];
  /** The part of the parent the items do not cover (parent − Σ items): 其他 / 园区外 / 非重点企业. */
  other: BreakdownItemDto | null;
  /** `by=enterprise`: all key enterprises in scope (from the rollup), the items being the top `limit`. */
  enterprises: EnterpriseTotalsDto | null;
  /** Items before `limit` (enterprises). */
  totalItems: number;
  notes: DashboardNoteDto[];
  sources: BatchRefDto[];
}

// ---------------------------------------------------------------------------------------------
// Park comparison

export interface ParkMeasureDto {
  value: number | null;
  lastYear: number | null;
  yoyPct: number | null;
  yoyBasis: YoyBasis | null;
  /** value ÷ the city's value of the same industries × 100. */
  shareOfCityPct: number | null;
  /** value ÷ the park's district's value of the same industries × 100. */
  shareOfDistrictPct: number | null;
  /** 拉动 of the city's growth (pp). */
  contributionToCityPp: number | null;
  derived: boolean;
}

export interface ParkIndustryFigureDto {
  industry: IndustryRefDto;
  ytd: number | null;
  yoyPct: number | null;
  yoyBasis: YoyBasis | null;
  shareOfCityPct: number | null;
}

export interface ParkCompareItemDto {
  code: string;
  name: string;
  nameEn: string | null;
  district: RegionRefDto | null;
  /** False when the documents do not say which district the park is in. */
  districtVerified: boolean;
  zone: RegionRefDto | null;
  /** 亩, when known. */
  landAreaMu: number | null;
  hasData: boolean;
  month: ParkMeasureDto;
  ytd: ParkMeasureDto;
  /** 亩均产值: YTD value ÷ land area (storage unit per 亩, e.g. 万元/亩); null when the area is unknown. */
  ytdPerMu: number | null;
  /** Rank among all parks with a figure (1 = largest value / fastest growth). */
  rankByValue: number | null;
  rankByGrowth: number | null;
  /** Figures per industry of the scope that the park has data for. */
  industries: ParkIndustryFigureDto[];
  /** Industries the park carries (park ↔ industry links of the reference data). */
  carried: IndustryRefDto[];
  /** Key enterprises of the park reporting for the period, and their YTD sum. */
  keyEnterprises: { count: number; ytd: number | null; shareOfParkPct: number | null };
}

/** `GET /api/regions/parks/compare`. */
export interface ParkCompareDto {
  period: string;
  ytdLabel: string;
  monthLabel: string;
  lastYearPeriod: string;
  mergedJanFeb: boolean;
  /** The industries compared: one industry, or the scope sum. */
  scope: IndustryScopeDto;
  /** Single industry chosen (`industry=`), else null (the scope's sum). */
  industry: IndustryRefDto | null;
  city: { month: ParkMeasureDto; ytd: ParkMeasureDto };
  /** In the order the codes were given. */
  parks: ParkCompareItemDto[];
  /** Parks with a YTD figure (the population of the ranks). */
  rankedParks: number;
  notes: DashboardNoteDto[];
  sources: BatchRefDto[];
}

// ---------------------------------------------------------------------------------------------
// Completeness of the stored series

/**
 * One month of a series: `reported` (as in the file), `derived` (computed from the other form),
 * `merged` (January, covered by a 1–2月 figure), `missing` (due but absent), `not_due` (after the
 * latest published month), `not_expected` (not a period of the series, e.g. May of a quarterly series).
 */
export type SeriesMonthStatus = 'reported' | 'derived' | 'merged' | 'missing' | 'not_due' | 'not_expected';

export interface SeriesCompletenessDto {
  indicator: { code: string; name: string };
  industry: IndustryRefDto | null;
  region: RegionRefDto;
  granularity: Granularity;
  /** 12 entries, January first. */
  months: SeriesMonthStatus[];
  /** Every due month present. */
  complete: boolean;
  missing: number;
}

/** Key enterprises of a region (a park, or a district outside its parks) reporting per month. */
export interface EnterpriseCompletenessDto {
  region: RegionRefDto;
  /** Outside every park of the district (district − Σ parks). */
  outsideParks: boolean;
  indicatorCode: string;
  /** Enterprise series of the region. */
  expected: number;
  /** 12 entries: enterprises with a figure in each month. */
  reporting: number[];
}

/** `GET /api/observations/completeness?year=`. */
export interface ObservationCompletenessDto {
  year: number;
  /** The latest month with data in any monthly series of the year (months after it are not due), or null. */
  dueThrough: string | null;
  series: SeriesCompletenessDto[];
  enterprises: EnterpriseCompletenessDto[];
  summary: { series: number; complete: number; missingMonths: number };
}
