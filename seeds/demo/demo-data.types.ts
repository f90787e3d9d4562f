/** Shapes of the demo dataset (the API's loader depends on them: change only together with it). */
export type DemoGranularity = 'month' | 'quarter' | 'year';

export interface DemoSeriesKey {
  indicator: string;
  industry: string | null;
  region: string;
  enterprise: string | null;
  granularity: DemoGranularity;
}

/**
 * One published figure. Values are decimal strings in the indicator's storage unit (万元 for flows).
 * - month: `valueMonth` = 本月, `valueYtd` = 1–本月累计; 1–2月 is one observation at month 2 with
 *   `mergedJanFeb: true` and `valueMonth: null`; there is never a month-1 observation.
 * - quarter: at month 3/6/9/12, `valueYtd` = YTD by quarter (as GDP is published), `valueMonth: null`.
 * - year: at month 12, `valueMonth` = `valueYtd` = the year's figure (flow: annual total; stock/ratio:
 *   year-end level).
 * YoY fields are nominal % vs the same period of the previous year (2 decimals), null in 2020 and
 * where the value they compare is null.
 */
export interface DemoObservation {
  year: number;
  month: number;
  valueMonth: string | null;
  valueYtd: string | null;
  yoyMonthPct: string | null;
  yoyYtdPct: string | null;
  mergedJanFeb: boolean;
}

export interface DemoSeries {
  key: DemoSeriesKey;
  observations: DemoObservation[];
}

export interface DemoEnterprise {
  creditCode: string;
  name: string;
  parkCode: string;
  industryCodes: string[];
  aboveScale: boolean;
  hnte: boolean;
  littleGiant: boolean;
  champion: boolean;
  chainLeader: boolean;
}

export interface DemoDataset {
  seed: number;
  through: { year: number; month: number };
  enterprises: DemoEnterprise[];
  series: DemoSeries[];
}
