/** Wire types of observation queries. Values are in the indicator's storage unit (万元 for money). */

export type Granularity = 'month' | 'quarter' | 'year';

export interface SeriesPointDto {
  /** `YYYY-MM` of the period end. A merged 1–2月 figure is reported at month 2 with `mergedJanFeb`. */
  period: string;
  year: number;
  month: number;
  /** 本月 value; null when not published (e.g. single months of a merged 1–2月). */
  valueMonth: number | null;
  /** 1–本月累计 (YTD) value. */
  valueYtd: number | null;
  yoyMonthPct: number | null;
  yoyYtdPct: number | null;
  monthDerived: boolean;
  ytdDerived: boolean;
  /** True when the YoY figure was computed from nominal values rather than reported. */
  yoyComputed: boolean;
  /** How `yoyMonthPct` was obtained: reported in the file, or computed (stored as computed, or here from last year's value). */
  yoyMonthBasis?: 'reported' | 'computed' | null;
  /** How `yoyYtdPct` was obtained. */
  yoyYtdBasis?: 'reported' | 'computed' | null;
  mergedJanFeb: boolean;
  source: { batchId: number; row: number; demo: boolean };
}

/** The value of a complete year: December 1–12月累计 of a flow, the year-end level of a stock or ratio. */
export interface AnnualValueDto {
  year: number;
  value: number;
  /** Source of the figure (file row). */
  source: { batchId: number; row: number; demo: boolean };
}

export interface SeriesDto {
  indicator: { code: string; name: string; unit: string };
  subject: { industryCode: string | null; industryName: string | null; regionCode: string; regionName: string };
  granularity: Granularity;
  points: SeriesPointDto[];
  /** Values of the complete years in the series (not limited by `from`/`to`). */
  annual?: AnnualValueDto[];
  /** `YYYY-MM` of the latest stored point of the series (not limited by `to`). */
  latestPeriod?: string | null;
}
