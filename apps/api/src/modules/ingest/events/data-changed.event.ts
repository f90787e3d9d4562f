/**
 * Published (through @nestjs/event-emitter) once a committed or rolled-back batch is visible to the
 * dashboards, i.e. after its rollups were refreshed. Listeners (the monthly brief, the monitoring
 * jobs) react to new data without the upload pipeline knowing about them. Delivery is in-process and
 * best effort: a listener that fails is logged, never the upload; jobs on a schedule catch up anything
 * missed (another instance committed, the process stopped).
 */
export const DATA_CHANGED_EVENT = 'data.changed';

export interface DataChangedEvent {
  batchId: number;
  dataset: string;
  action: 'commit' | 'rollback';
  /** The months the batch covers (first..last, inclusive), as year * 100 + month. */
  periods: number[];
}

/** The months from one year*100+month to another, inclusive (empty when either end is missing). */
export function monthsBetween(from: number | null, to: number | null): number[] {
  if (!from || !to || from > to) return to ? [to] : [];
  const out: number[] = [];
  for (let p = from; p <= to; p = p % 100 === 12 ? (Math.floor(p / 100) + 1) * 100 + 1 : p + 1) out.push(p);
  return out;
}
