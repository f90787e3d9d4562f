import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogService } from '../../catalog/catalog.service';
import { UploadBatch } from '../../ingest/entities/upload-batch.entity';
import { Series } from '../entities/series.entity';
import { RollupService } from '../rollups/rollup.service';
import { DashboardCache } from './dashboard-cache';
import { ReferenceSnapshot, SubjectSeriesIndex, type IndustryInfo, type SubjectSeriesRow } from './reference-snapshot';

/**
 * How often the data version is checked (ms). Within one process a commit is seen at once (the
 * rollup refresh invalidates); another process sees it within this interval.
 */
export const DATA_VERSION_PROBE_MS = 2_000;
/** Dashboard answers kept in memory, and for how long at most. */
export const DASHBOARD_CACHE_ENTRIES = 2_000;
export const DASHBOARD_CACHE_TTL_MS = 10 * 60_000;

export interface DashboardState {
  /** Changes with every committed or rolled-back batch, rollup refresh and reference-data edit. */
  version: string;
  ref: ReferenceSnapshot;
  subjects: SubjectSeriesIndex;
}

interface ProbeState extends DashboardState {
  batchFingerprint: string;
  referenceHash: string;
}

/**
 * What every dashboard query needs before it touches observations: the data version, reference data
 * (industries, regions, indicators, park ↔ industry links) and the index of subject series, all held
 * in memory and reloaded only when the version changes; plus the cache of answers.
 */
@Injectable()
export class DashboardContext {
  private readonly logger = new Logger(DashboardContext.name);
  private readonly cache = new DashboardCache({ maxEntries: DASHBOARD_CACHE_ENTRIES, ttlMs: DASHBOARD_CACHE_TTL_MS });
  private state: ProbeState | null = null;
  private probedAt = 0;
  private probing: Promise<ProbeState> | null = null;
  private touches = 0;

  constructor(
    private readonly catalog: CatalogService,
    private readonly dataSource: DataSource,
    private readonly rollups: RollupService,
  ) {
    rollups.onRefreshed(() => this.invalidate());
  }

  /** The current state (probed at most every {@link DATA_VERSION_PROBE_MS}). */
  async current(): Promise<DashboardState> {
    if (this.state && Date.now() - this.probedAt < DATA_VERSION_PROBE_MS) return this.state;
    if (!this.probing) {
      this.probing = this.probe().finally(() => {
        this.probing = null;
      });
    }
    return this.probing;
  }

  /** A cached answer for `key` under the current data version, computed by `compute` when missing. */
  async cached<T>(key: string, compute: (state: DashboardState) => Promise<T>, ttlMs?: number): Promise<T> {
    const state = await this.current();
    return this.cache.get(key, `${state.version}|t${this.touches}`, () => compute(state), Date.now(), ttlMs);
  }

  /** Re-probe on the next request (after a rollup refresh in this process). */
  invalidate(): void {
    this.probedAt = 0;
  }

  /**
   * Drops every cached answer of this process: for writers of data the data version does not cover
   * (plans and targets edited by their owner). Other processes follow within the answers' TTL.
   */
  touch(): void {
    this.touches++;
  }

  cacheStats(): ReturnType<DashboardCache['stats']> {
    return this.cache.stats();
  }

  private async probe(): Promise<ProbeState> {
    const batchFingerprint = await this.batchFingerprint();
    if (!this.state || this.state.batchFingerprint !== batchFingerprint) {
      // Batches committed or rolled back without a rollup refresh (demo loader, scripts): catch up first.
      await this.rollups.refreshPending().catch((e: unknown) => this.logger.error(`rollup refresh failed: ${e instanceof Error ? e.message : String(e)}`));
    }
    const [generation, reference] = await Promise.all([this.rollups.generation(), this.loadReference()]);
    const subjects = this.state && this.state.batchFingerprint === batchFingerprint ? this.state.subjects : await this.loadSubjects();
    const next: ProbeState = {
      batchFingerprint,
      referenceHash: reference.hash,
      version: `${batchFingerprint}|g${generation}|r${reference.hash}`,
      ref: reference.snapshot,
      subjects,
    };
    this.state = next;
    this.probedAt = Date.now();
    return next;
  }

  /** Settled batches: a new commit or a rollback changes it; dry runs (validated batches) do not. */
  private async batchFingerprint(): Promise<string> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'n')
      .addSelect('MAX(b.id)', 'maxId')
      .addSelect("SUM(CASE WHEN b.status = 'rolled_back' THEN 1 ELSE 0 END)", 'rolledBack')
      .from(UploadBatch, 'b')
      .where('b.status IN (:...settled)', { settled: ['committed', 'rolled_back'] })
      .getRawOne<{ n: number | string; maxId: number | string | null; rolledBack: number | string | null }>();
    return `${Number(row?.n ?? 0)}.${Number(row?.maxId ?? 0)}.${Number(row?.rolledBack ?? 0)}`;
  }

  private async loadReference(): Promise<{ hash: string; snapshot: ReferenceSnapshot }> {
    const [lookup, regionTree] = await Promise.all([this.catalog.lookup(), this.catalog.regionTree()]);
    const parkCodes = new Map<string, string[]>();
    const walk = (nodes: typeof regionTree) => {
      for (const n of nodes) {
        if (n.industryCodes.length) parkCodes.set(n.code, [...n.industryCodes].sort());
        walk(n.children);
      }
    };
    walk(regionTree);
    const industries = [...lookup.industries.values()].sort((a, b) => a.id - b.id);
    const regions = [...lookup.regions.values()].sort((a, b) => a.id - b.id);
    const indicators = [...lookup.indicators.values()].sort((a, b) => a.id - b.id);
    const hash = createHash('sha1')
      .update(JSON.stringify([industries, regions, indicators, [...parkCodes.entries()].sort()]))
      .digest('hex')
      .slice(0, 16);
    if (this.state?.referenceHash === hash) return { hash, snapshot: this.state.ref };

    const frameworkOfNode = await this.frameworkCodes();
    const industryIdByCode = new Map(industries.map((n) => [n.code, n.id]));
    const parkIndustries = new Map<number, number[]>();
    for (const r of regions) {
      const codes = parkCodes.get(r.code);
      if (codes) parkIndustries.set(r.id, codes.map((c) => industryIdByCode.get(c)).filter((id): id is number => id !== undefined));
    }
    const snapshot = new ReferenceSnapshot({
      industries: industries.map(
        (n): IndustryInfo => ({
          id: n.id,
          code: n.code,
          name: n.name,
          nameEn: n.nameEn,
          parentId: n.parentId,
          frameworkCode: frameworkOfNode.get(n.code) ?? null,
          indicatorId: n.indicatorId,
          sortOrder: n.sortOrder,
        }),
      ),
      regions: regions.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        type: r.type,
        parentId: r.parentId,
        zoneId: r.zoneId,
        landAreaMu: r.landAreaMu,
        districtVerified: r.districtVerified,
      })),
      indicators: indicators.map((i) => ({ id: i.id, code: i.code, name: i.name, nameEn: i.nameEn, unit: i.unit, kind: i.kind })),
      parkIndustries,
    });
    return { hash, snapshot };
  }

  /** Node code → framework code (the catalog exposes frameworks by code and their trees). */
  private async frameworkCodes(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const fw of await this.catalog.listFrameworks()) {
      const tree = await this.catalog.industryTree(fw.code);
      const walk = (nodes: typeof tree.roots) => {
        for (const n of nodes) {
          out.set(n.code, fw.code);
          walk(n.children);
        }
      };
      walk(tree.roots);
    }
    return out;
  }

  private async loadSubjects(): Promise<SubjectSeriesIndex> {
    const rows = await this.dataSource
      .getRepository(Series)
      .createQueryBuilder('s')
      .select(['s.id', 's.indicatorId', 's.industryNodeId', 's.regionId', 's.granularity'])
      .where('s.enterprise_id IS NULL')
      .getMany();
    return new SubjectSeriesIndex(
      rows.map((s): SubjectSeriesRow => ({ id: s.id, indicatorId: s.indicatorId, industryNodeId: s.industryNodeId, regionId: s.regionId, granularity: s.granularity })),
    );
  }
}
