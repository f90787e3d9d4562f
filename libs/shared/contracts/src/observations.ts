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
  mergedJanFeb: boolean;
  source: { batchId: number; row: number; demo: boolean };
}

export interface SeriesDto {
  indicator: { code: string; name: string; unit: string };
  subject: { industryCode: string | null; industryName: string | null; regionCode: string; regionName: string };
  granularity: Granularity;
  points: SeriesPointDto[];
}
