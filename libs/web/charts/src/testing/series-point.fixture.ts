import type { SeriesPointDto } from '@im/contracts';

/** A series point for specs: `period` "YYYY-MM", values in 万元. */
export function seriesPoint(period: string, overrides: Partial<SeriesPointDto> = {}): SeriesPointDto {
  const [year, month] = period.split('-').map(Number);
  return {
    period,
    year,
    month,
    valueMonth: null,
    valueYtd: null,
    yoyMonthPct: null,
    yoyYtdPct: null,
    monthDerived: false,
    ytdDerived: false,
    yoyComputed: false,
    mergedJanFeb: false,
    source: { batchId: 1, row: 2, demo: false },
    ...overrides,
  };
}
