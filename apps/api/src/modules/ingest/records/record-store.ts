/**
 * The valid observation records of a file, packed in typed arrays (about 50 bytes a row instead of
 * an object and four strings): a million rows of an enterprise file stay well under 100 MB. Series
 * (subjects) are registered once and referred to by a small integer.
 */
import type { Granularity } from '@im/contracts';
import { seriesKeyOf } from '../../observations/entities/series.entity';
import type { ObservationRecord } from '../validate/record-validator';
import type { Subject } from '../validate/subject-resolver';

export interface SeriesEntry {
  /** Same format as `series.series_key`. */
  key: string;
  subject: Subject;
  granularity: Granularity;
  /** `集成电路 · 厦门市` / enterprise name, for the report. */
  label: string;
}

function labelOf(subject: Subject): string {
  if (subject.enterprise) return subject.enterprise.name;
  const parts: string[] = [];
  if (subject.industry) parts.push(subject.industry.name);
  parts.push(subject.region.name);
  return parts.join(' · ');
}

export class RecordStore {
  readonly series: SeriesEntry[] = [];
  private readonly seriesIndex = new Map<string, number>();
  /** The resolver hands out one Subject object per distinct subject: its series id is found by identity first. */
  private readonly bySubject = new Map<Subject, number[]>();
  private lastSubject: Subject | null = null;
  private lastSlot = -1;
  private lastId = -1;
  length = 0;
  private capacity: number;
  sid: Int32Array;
  year: Int16Array;
  month: Uint8Array;
  merged: Uint8Array;
  row: Int32Array;
  vMonth: Float64Array;
  vYtd: Float64Array;
  yoyM: Float64Array;
  yoyY: Float64Array;
  /** Set for records dropped after the fact (duplicated keys). */
  dead: Uint8Array;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.sid = new Int32Array(initialCapacity);
    this.year = new Int16Array(initialCapacity);
    this.month = new Uint8Array(initialCapacity);
    this.merged = new Uint8Array(initialCapacity);
    this.row = new Int32Array(initialCapacity);
    this.vMonth = new Float64Array(initialCapacity);
    this.vYtd = new Float64Array(initialCapacity);
    this.yoyM = new Float64Array(initialCapacity);
    this.yoyY = new Float64Array(initialCapacity);
    this.dead = new Uint8Array(initialCapacity);
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const g = <T extends Int32Array | Int16Array | Uint8Array | Float64Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(cap);
      b.set(a);
      return b;
    };
    this.sid = g(this.sid, Int32Array);
    this.year = g(this.year, Int16Array);
    this.month = g(this.month, Uint8Array);
    this.merged = g(this.merged, Uint8Array);
    this.row = g(this.row, Int32Array);
    this.vMonth = g(this.vMonth, Float64Array);
    this.vYtd = g(this.vYtd, Float64Array);
    this.yoyM = g(this.yoyM, Float64Array);
    this.yoyY = g(this.yoyY, Float64Array);
    this.dead = g(this.dead, Uint8Array);
    this.capacity = cap;
  }

  seriesIdOf(subject: Subject, granularity: Granularity): number {
    const slot = granularity === 'month' ? 0 : granularity === 'quarter' ? 1 : 2;
    if (subject === this.lastSubject && slot === this.lastSlot) return this.lastId;
    const known = this.bySubject.get(subject)?.[slot];
    if (known !== undefined) {
      this.lastSubject = subject;
      this.lastSlot = slot;
      this.lastId = known;
      return known;
    }
    const id = this.seriesIdByKey(subject, granularity);
    const list = this.bySubject.get(subject) ?? [];
    list[slot] = id;
    this.bySubject.set(subject, list);
    return id;
  }

  private seriesIdByKey(subject: Subject, granularity: Granularity): number {
    const key = seriesKeyOf({
      indicatorId: subject.indicator.id,
      industryNodeId: subject.industry?.id ?? null,
      regionId: subject.region.id,
      enterpriseId: subject.enterprise?.id ?? null,
      granularity,
    });
    let id = this.seriesIndex.get(key);
    if (id === undefined) {
      id = this.series.length;
      this.series.push({ key, subject, granularity, label: labelOf(subject) });
      this.seriesIndex.set(key, id);
    }
    return id;
  }

  add(r: ObservationRecord): number {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.sid[i] = this.seriesIdOf(r.subject, r.granularity);
    this.year[i] = r.year;
    this.month[i] = r.month;
    this.merged[i] = r.merged ? 1 : 0;
    this.row[i] = r.row;
    this.vMonth[i] = r.vMonth;
    this.vYtd[i] = r.vYtd;
    this.yoyM[i] = r.yoyM;
    this.yoyY[i] = r.yoyY;
    this.dead[i] = 0;
    return i;
  }

  /** Record indexes ordered by series, period, file row. */
  sortedOrder(): Int32Array {
    const order = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) order[i] = i;
    const { sid, year, month, row } = this;
    return order.sort((a, b) => sid[a] - sid[b] || year[a] - year[b] || month[a] - month[b] || row[a] - row[b]);
  }

  /** Distinct (year, month) period ends, as year × 100 + month, sorted. */
  periods(): number[] {
    const set = new Set<number>();
    for (let i = 0; i < this.length; i++) if (!this.dead[i]) set.add(this.year[i] * 100 + this.month[i]);
    return [...set].sort((a, b) => a - b);
  }

  liveCount(): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (!this.dead[i]) n++;
    return n;
  }

  /** Rough bytes held (for the benchmark's memory account). */
  bytes(): number {
    return this.capacity * (4 + 2 + 1 + 1 + 4 + 8 * 4 + 1);
  }
}
