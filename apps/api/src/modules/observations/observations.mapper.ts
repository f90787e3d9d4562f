import type { SeriesPointDto } from '@im/contracts';
import type { Observation } from './entities/observation.entity';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

export function toSeriesPoint(o: Observation, demoBatches: Set<number>): SeriesPointDto {
  return {
    period: `${o.periodYear}-${String(o.periodMonth).padStart(2, '0')}`,
    year: o.periodYear,
    month: o.periodMonth,
    valueMonth: num(o.valueMonth),
    valueYtd: num(o.valueYtd),
    yoyMonthPct: num(o.yoyMonthPct),
    yoyYtdPct: num(o.yoyYtdPct),
    monthDerived: o.monthDerived,
    ytdDerived: o.ytdDerived,
    yoyComputed: o.yoyComputed,
    mergedJanFeb: o.mergedJanFeb,
    source: { batchId: o.batchId, row: o.sourceRow, demo: demoBatches.has(o.batchId) },
  };
}
