/**
 * Phase two: the file's records against what is stored, series by series (records sorted by series
 * and period, read in chunks of whole series, the stored observations of a chunk loaded in one
 * query): duplicated keys, derived values and computed YoY, warnings, and every change. The changes
 * of each chunk go to a sink — the dry run keeps the first ones for the report, the commit writes
 * them. Memory: one chunk of series at a time.
 */
import type { StoredObservationRow } from '../../observations/observation-writer';
import { planSeries, type FileObservation, type PlannedChange, type StoredObservation } from '../plan/series-planner';
import type { RecordStore, SeriesEntry } from '../records/record-store';
import { storedToScaled } from '../records/scaled';
import { issueError, type IssueCollector, UploadIssueCode } from '../report/issues';

export interface StoredAccess {
  /** Database ids of the series (dry run: the existing ones; commit: created when missing). */
  seriesIds(entries: readonly SeriesEntry[]): Promise<Map<string, number>>;
  load(seriesIds: readonly number[], fromYear: number, toYear: number): Promise<StoredObservationRow[]>;
}

export interface SeriesChange extends PlannedChange {
  series: SeriesEntry;
  seriesId: number | null;
}

export type ChangeSink = (changes: SeriesChange[]) => Promise<void>;

export interface ChangeTotals {
  new: number;
  changed: number;
  unchanged: number;
  recomputed: number;
}

export interface PlanOptions {
  swingWarnPct: number;
  sink: ChangeSink;
  /** Records per chunk (whole series) whose stored observations are loaded at once. */
  chunkRecords?: number;
  /** Changes handed to the sink at a time (at least; whole series). */
  sinkBatch?: number;
}

export function toStoredObservation(r: StoredObservationRow): StoredObservation {
  return {
    id: r.id,
    year: r.periodYear,
    month: r.periodMonth,
    vMonth: storedToScaled(r.valueMonth),
    vYtd: storedToScaled(r.valueYtd),
    yoyM: storedToScaled(r.yoyMonthPct),
    yoyY: storedToScaled(r.yoyYtdPct),
    monthDerived: r.monthDerived,
    ytdDerived: r.ytdDerived,
    yoyComputed: r.yoyComputed,
    merged: r.mergedJanFeb,
    batchId: r.batchId,
    sourceRow: r.sourceRow,
    version: r.version,
  };
}

/**
 * Marks records with the same series and period as dead and reports each of their rows. Returns the
 * order without them and how many rows were valid until now.
 */
export function dropDuplicates(store: RecordStore, order: Int32Array, issues: IssueCollector): { order: Int32Array; newlyInvalidRows: number } {
  const keep: number[] = [];
  const newlyInvalid = new Set<number>();
  let i = 0;
  while (i < order.length) {
    let j = i + 1;
    const a = order[i];
    while (j < order.length && store.sid[order[j]] === store.sid[a] && store.year[order[j]] === store.year[a] && store.month[order[j]] === store.month[a]) j++;
    if (j - i > 1) {
      const rows = [];
      for (let k = i; k < j; k++) rows.push(store.row[order[k]]);
      const entry = store.series[store.sid[a]];
      for (let k = i; k < j; k++) {
        const idx = order[k];
        store.dead[idx] = 1;
        const others = rows.filter((r) => r !== store.row[idx]);
        const period = `${store.year[idx]}年${store.merged[idx] ? '1-2' : store.month[idx]}月`;
        if (!issues.hasRowError(store.row[idx])) newlyInvalid.add(store.row[idx]);
        issues.add(
          issueError(UploadIssueCode.DuplicateKey, `与第 ${others.join('、')} 行重复：「${entry.label} · ${entry.subject.indicator.name}」${period}只能有一行，请删除重复的行`, {
            row: store.row[idx],
          }),
        );
      }
    } else keep.push(a);
    i = j;
  }
  return { order: Int32Array.from(keep), newlyInvalidRows: newlyInvalid.size };
}

interface Chunk {
  start: number;
  end: number;
  entries: SeriesEntry[];
  minYear: number;
  maxYear: number;
}

interface LoadedChunk {
  ids: Map<string, number>;
  storedBySeries: Map<number, StoredObservation[]>;
}

/** The next chunk of whole series from `start` (at least `chunkRecords` records unless the end is reached). */
function nextChunk(store: RecordStore, order: Int32Array, start: number, chunkRecords: number): Chunk {
  let end = start;
  const seriesInChunk: number[] = [];
  let minYear = Infinity;
  let maxYear = -Infinity;
  while (end < order.length && (end - start < chunkRecords || store.sid[order[end]] === store.sid[order[end - 1]])) {
    const i = order[end];
    const sid = store.sid[i];
    if (seriesInChunk[seriesInChunk.length - 1] !== sid) seriesInChunk.push(sid);
    const y = store.year[i];
    if (y < minYear) minYear = y;
    if (y > maxYear) maxYear = y;
    end++;
  }
  return { start, end, entries: seriesInChunk.map((sid) => store.series[sid]), minYear, maxYear };
}

async function loadChunk(access: StoredAccess, chunk: Chunk): Promise<LoadedChunk> {
  const ids = await access.seriesIds(chunk.entries);
  const dbIds = chunk.entries.map((e) => ids.get(e.key)).filter((id): id is number => id !== undefined);
  const storedRows = dbIds.length ? await access.load(dbIds, chunk.minYear - 1, chunk.maxYear + 1) : [];
  const storedBySeries = new Map<number, StoredObservation[]>();
  for (const r of storedRows) {
    const list = storedBySeries.get(r.seriesId) ?? [];
    list.push(toStoredObservation(r));
    storedBySeries.set(r.seriesId, list);
  }
  return { ids, storedBySeries };
}

const ignore = () => undefined;

/**
 * Changes handed to the sink at a time. Small enough that a batch of planned changes (≈ 0.5 kB each
 * with their states) is garbage before the young generation is next collected: with 20,000-change
 * batches every batch outlived two scavenges, was promoted, and the old generation grew to several
 * hundred MB of dead changes between full collections (docs/PERFORMANCE.md).
 */
export const SINK_BATCH = 2_000;

/**
 * Chunk after chunk: the stored observations of the next chunk are asked for before the changes of
 * this one are written, and a chunk is planned while the database writes the previous one (the
 * statements of one transaction still run in order on its connection).
 */
export async function planChanges(store: RecordStore, order: Int32Array, issues: IssueCollector, access: StoredAccess, options: PlanOptions): Promise<ChangeTotals> {
  const totals: ChangeTotals = { new: 0, changed: 0, unchanged: 0, recomputed: 0 };
  const chunkRecords = options.chunkRecords ?? 20_000;
  const sinkBatch = options.sinkBatch ?? SINK_BATCH;
  if (order.length === 0) return totals;
  let chunk: Chunk | null = nextChunk(store, order, 0, chunkRecords);
  let loading: Promise<LoadedChunk> = loadChunk(access, chunk);
  loading.catch(ignore);
  let writing: Promise<void> = Promise.resolve();
  try {
    while (chunk) {
      const { ids, storedBySeries } = await loading;
      const following: Chunk | null = chunk.end < order.length ? nextChunk(store, order, chunk.end, chunkRecords) : null;
      if (following) {
        loading = loadChunk(access, following);
        loading.catch(ignore);
      }

      const changes: SeriesChange[] = [];
      let k = chunk.start;
      while (k < chunk.end) {
        const sid = store.sid[order[k]];
        const file: FileObservation[] = [];
        while (k < chunk.end && store.sid[order[k]] === sid) {
          const i = order[k];
          file.push({ row: store.row[i], year: store.year[i], month: store.month[i], merged: store.merged[i] === 1, vMonth: store.vMonth[i], vYtd: store.vYtd[i], yoyM: store.yoyM[i], yoyY: store.yoyY[i] });
          k++;
        }
        const entry = store.series[sid];
        const seriesId = ids.get(entry.key) ?? null;
        const indicator = entry.subject.indicator;
        const plan = planSeries({
          flow: indicator.kind === 'flow',
          granularity: entry.granularity,
          file,
          stored: seriesId === null ? [] : (storedBySeries.get(seriesId) ?? []),
          swingWarnPct: options.swingWarnPct,
          label: `${entry.label} · ${indicator.name}`,
          allowDecrease: indicator.code === 'value_added',
        });
        issues.addAll(plan.warnings);
        totals.unchanged += plan.unchanged;
        for (const c of plan.changes) {
          totals[c.kind]++;
          const change = c as SeriesChange;
          change.series = entry;
          change.seriesId = seriesId;
          changes.push(change);
        }
        if (changes.length >= sinkBatch) {
          // Handed on in small batches: planned changes die young instead of piling up in the old generation.
          await writing;
          writing = options.sink(changes.splice(0));
          writing.catch(ignore);
        }
      }
      await writing;
      writing = options.sink(changes);
      writing.catch(ignore);
      chunk = following;
    }
    await writing;
  } catch (error) {
    // Nothing of this run may still be talking to the database when the caller rolls back.
    await Promise.allSettled([loading, writing]);
    throw error;
  }
  return totals;
}
