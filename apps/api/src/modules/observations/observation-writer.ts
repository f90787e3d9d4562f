import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Granularity } from '@im/contracts';
import { normalizeDecimal } from '../../core/database/decimal';

/**
 * Bulk writes to the observation tables (series, observation, observation_revision), for the ingest
 * pipeline's commit and rollback. Every method runs on the caller's EntityManager, i.e. inside the
 * caller's transaction, and writes with multi-row statements (chunks of {@link WRITE_CHUNK} rows, under
 * SQLite's bound-parameter limit, as fast as larger chunks on MySQL) — never one ORM entity at a time.
 * Values are decimal strings in the indicator's storage unit, exactly as stored.
 */
export const WRITE_CHUNK = 1000;

export interface ObservationValues {
  valueMonth: string | null;
  valueYtd: string | null;
  yoyMonthPct: string | null;
  yoyYtdPct: string | null;
  monthDerived: boolean;
  ytdDerived: boolean;
  yoyComputed: boolean;
  mergedJanFeb: boolean;
}

export interface ObservationKey {
  seriesId: number;
  periodYear: number;
  periodMonth: number;
}

export interface ObservationWrite extends ObservationKey, ObservationValues {
  batchId: number;
  sourceRow: number;
  version: number;
}

export interface StoredObservationRow extends ObservationWrite {
  id: number;
}

export interface RevisionWrite extends ObservationKey, ObservationValues {
  observationId: number;
  /** Batch and row the replaced values came from. */
  batchId: number;
  sourceRow: number;
  /** Version of the replaced values. */
  version: number;
  replacedByBatchId: number;
  replacedByUserId: number | null;
}

export interface SeriesSubjectRow {
  seriesKey: string;
  indicatorId: number;
  industryNodeId: number | null;
  regionId: number;
  enterpriseId: number | null;
  granularity: Granularity;
}

const VALUE_COLUMNS = ['value_month', 'value_ytd', 'yoy_month_pct', 'yoy_ytd_pct', 'month_derived', 'ytd_derived', 'yoy_computed', 'merged_jan_feb'] as const;
const OBSERVATION_COLUMNS = ['series_id', 'period_year', 'period_month', ...VALUE_COLUMNS, 'batch_id', 'source_row', 'version'] as const;
const REVISION_COLUMNS = ['observation_id', 'series_id', 'period_year', 'period_month', ...VALUE_COLUMNS, 'batch_id', 'source_row', 'version', 'replaced_by_batch_id', 'replaced_by_user_id'] as const;

function isMysql(m: EntityManager): boolean {
  const type = m.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

function valuesOf(o: ObservationValues): unknown[] {
  return [o.valueMonth, o.valueYtd, o.yoyMonthPct, o.yoyYtdPct, o.monthDerived ? 1 : 0, o.ytdDerived ? 1 : 0, o.yoyComputed ? 1 : 0, o.mergedJanFeb ? 1 : 0];
}

const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';

function* chunks<T>(items: readonly T[], size = WRITE_CHUNK): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function placeholders(columns: number, rows: number): string {
  const one = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(one).join(', ');
}

interface RawObservation {
  id: number | string;
  series_id: number | string;
  period_year: number | string;
  period_month: number | string;
  value_month: unknown;
  value_ytd: unknown;
  yoy_month_pct: unknown;
  yoy_ytd_pct: unknown;
  month_derived: unknown;
  ytd_derived: unknown;
  yoy_computed: unknown;
  merged_jan_feb: unknown;
  batch_id: number | string;
  source_row: number | string;
  version: number | string;
}

/**
 * A stored DECIMAL as a decimal string: mysql2 gives strings (`"1234.5000"`, kept as they are — a
 * decimal string, not necessarily canonical); SQLite gives the double nearest to the stored decimal,
 * whose shortest text is that decimal (≤ 15 significant digits, see core/database/decimal.ts).
 */
function decimalText(raw: unknown): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'string') return raw;
  return normalizeDecimal(raw, 4);
}

function toStored(r: RawObservation): StoredObservationRow {
  return {
    id: Number(r.id),
    seriesId: Number(r.series_id),
    periodYear: Number(r.period_year),
    periodMonth: Number(r.period_month),
    valueMonth: decimalText(r.value_month),
    valueYtd: decimalText(r.value_ytd),
    yoyMonthPct: decimalText(r.yoy_month_pct),
    yoyYtdPct: decimalText(r.yoy_ytd_pct),
    monthDerived: bool(r.month_derived),
    ytdDerived: bool(r.ytd_derived),
    yoyComputed: bool(r.yoy_computed),
    mergedJanFeb: bool(r.merged_jan_feb),
    batchId: Number(r.batch_id),
    sourceRow: Number(r.source_row),
    version: Number(r.version),
  };
}

const SELECT_OBSERVATION = `SELECT id, series_id, period_year, period_month, ${VALUE_COLUMNS.join(', ')}, batch_id, source_row, version FROM observation`;

@Injectable()
export class ObservationWriter {
  /** Ids of the series with these keys (those that exist). */
  async findSeriesIds(m: EntityManager, keys: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks(keys)) {
      if (!part.length) continue;
      const rows: { id: number | string; series_key: string }[] = await m.query(
        `SELECT id, series_key FROM series WHERE series_key IN (${part.map(() => '?').join(', ')})`,
        [...part],
      );
      for (const r of rows) out.set(r.series_key, Number(r.id));
    }
    return out;
  }

  /**
   * Ids of the series, creating the missing ones. `INSERT IGNORE` / `INSERT OR IGNORE`: a series
   * created at the same moment by another commit is taken, not duplicated. Returns the keys created.
   */
  async ensureSeries(m: EntityManager, subjects: readonly SeriesSubjectRow[]): Promise<{ ids: Map<string, number>; created: string[] }> {
    const existing = await this.findSeriesIds(m, subjects.map((s) => s.seriesKey));
    const missing = subjects.filter((s) => !existing.has(s.seriesKey));
    const insert = isMysql(m) ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';
    for (const part of chunks(missing)) {
      const params: unknown[] = [];
      for (const s of part) params.push(s.seriesKey, s.indicatorId, s.industryNodeId, s.regionId, s.enterpriseId, s.granularity);
      await m.query(`${insert} series (series_key, indicator_id, industry_node_id, region_id, enterprise_id, granularity) VALUES ${placeholders(6, part.length)}`, params);
    }
    const created = await this.findSeriesIds(m, missing.map((s) => s.seriesKey));
    for (const [k, id] of created) existing.set(k, id);
    return { ids: existing, created: [...created.keys()] };
  }

  /**
   * Stored observations of the series in the years `fromYear`…`toYear`. With `lock` (inside a commit on
   * MySQL) the rows are locked for update, so nothing can change them between reading and writing.
   */
  async load(m: EntityManager, seriesIds: readonly number[], fromYear: number, toYear: number, lock = false): Promise<StoredObservationRow[]> {
    const out: StoredObservationRow[] = [];
    const forUpdate = lock && isMysql(m) ? ' FOR UPDATE' : '';
    for (const part of chunks(seriesIds, 500)) {
      if (!part.length) continue;
      const rows: RawObservation[] = await m.query(
        `${SELECT_OBSERVATION} WHERE series_id IN (${part.map(() => '?').join(', ')}) AND period_year BETWEEN ? AND ?${forUpdate}`,
        [...part, fromYear, toYear],
      );
      for (const r of rows) out.push(toStored(r));
    }
    return out;
  }

  async insert(m: EntityManager, rows: readonly ObservationWrite[]): Promise<void> {
    for (const part of chunks(rows)) {
      const params: unknown[] = [];
      for (const o of part) params.push(o.seriesId, o.periodYear, o.periodMonth, ...valuesOf(o), o.batchId, o.sourceRow, o.version);
      await m.query(`INSERT INTO observation (${OBSERVATION_COLUMNS.join(', ')}) VALUES ${placeholders(OBSERVATION_COLUMNS.length, part.length)}`, params);
    }
  }

  /** Overwrites existing observations (by id) with new values, provenance and version, in multi-row upserts. */
  async update(m: EntityManager, rows: readonly (ObservationWrite & { id: number })[]): Promise<void> {
    const columns = ['id', ...OBSERVATION_COLUMNS];
    const set = [...VALUE_COLUMNS, 'batch_id', 'source_row', 'version'];
    const mysql = isMysql(m);
    const onConflict = mysql
      ? ` ON DUPLICATE KEY UPDATE ${set.map((c) => `${c} = VALUES(${c})`).join(', ')}`
      : ` ON CONFLICT(id) DO UPDATE SET ${set.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = datetime('now')`;
    for (const part of chunks(rows)) {
      const params: unknown[] = [];
      for (const o of part) params.push(o.id, o.seriesId, o.periodYear, o.periodMonth, ...valuesOf(o), o.batchId, o.sourceRow, o.version);
      await m.query(`INSERT INTO observation (${columns.join(', ')}) VALUES ${placeholders(columns.length, part.length)}${onConflict}`, params);
    }
  }

  async insertRevisions(m: EntityManager, rows: readonly RevisionWrite[]): Promise<void> {
    for (const part of chunks(rows)) {
      const params: unknown[] = [];
      for (const r of part) {
        params.push(r.observationId, r.seriesId, r.periodYear, r.periodMonth, ...valuesOf(r), r.batchId, r.sourceRow, r.version, r.replacedByBatchId, r.replacedByUserId);
      }
      await m.query(`INSERT INTO observation_revision (${REVISION_COLUMNS.join(', ')}) VALUES ${placeholders(REVISION_COLUMNS.length, part.length)}`, params);
    }
  }

  /**
   * Batches that changed, after `batchId`, observations `batchId` had written: a revision of a value
   * that came from `batchId`, or a version moved on since `batchId` replaced it.
   */
  async laterChanges(m: EntityManager, batchId: number): Promise<number[]> {
    const a: { b: number | string }[] = await m.query(
      `SELECT DISTINCT replaced_by_batch_id AS b FROM observation_revision WHERE batch_id = ? AND replaced_by_batch_id <> ?`,
      [batchId, batchId],
    );
    const b: { b: number | string }[] = await m.query(
      `SELECT DISTINCT later.replaced_by_batch_id AS b
         FROM observation_revision mine
         JOIN observation_revision later ON later.observation_id = mine.observation_id AND later.version > mine.version AND later.replaced_by_batch_id <> ?
        WHERE mine.replaced_by_batch_id = ?`,
      [batchId, batchId],
    );
    return [...new Set([...a, ...b].map((r) => Number(r.b)))].sort((x, y) => x - y);
  }

  /**
   * Undoes a batch: every observation it replaced gets its previous values, provenance and version
   * back (from the revisions), the observations it added are removed, its revisions are removed, and
   * series left without any observation are removed. Returns the counts.
   */
  async revertBatch(m: EntityManager, batchId: number): Promise<{ restored: number; removed: number; seriesRemoved: number }> {
    const revisions: (RawObservation & { observation_id: number | string })[] = await m.query(
      `SELECT observation_id AS id, observation_id, series_id, period_year, period_month, ${VALUE_COLUMNS.join(', ')}, batch_id, source_row, version
         FROM observation_revision WHERE replaced_by_batch_id = ? `,
      [batchId],
    );
    const touchedSeries = new Set<number>(revisions.map((r) => Number(r.series_id)));
    const inserted: { series_id: number | string }[] = await m.query(`SELECT DISTINCT series_id FROM observation WHERE batch_id = ?`, [batchId]);
    for (const r of inserted) touchedSeries.add(Number(r.series_id));

    await this.update(m, revisions.map(toStored));
    // What still names the batch after the restore was added by it.
    const removedRows: { n: number | string }[] = await m.query(`SELECT COUNT(*) AS n FROM observation WHERE batch_id = ?`, [batchId]);
    await m.query(`DELETE FROM observation WHERE batch_id = ?`, [batchId]);
    await m.query(`DELETE FROM observation_revision WHERE replaced_by_batch_id = ?`, [batchId]);

    let seriesRemoved = 0;
    const ids = [...touchedSeries];
    for (const part of chunks(ids, 500)) {
      if (!part.length) continue;
      const empty: { id: number | string }[] = await m.query(
        `SELECT s.id FROM series s WHERE s.id IN (${part.map(() => '?').join(', ')})
           AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.series_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM observation_revision r WHERE r.series_id = s.id)`,
        [...part],
      );
      if (empty.length) {
        await m.query(`DELETE FROM series WHERE id IN (${empty.map(() => '?').join(', ')})`, empty.map((e) => Number(e.id)));
        seriesRemoved += empty.length;
      }
    }
    return { restored: revisions.length, removed: Number(removedRows[0]?.n ?? 0), seriesRemoved };
  }
}
