import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { readReferenceCsv } from '@im/seeds';
import { normalizeDecimal } from '../../core/database/decimal';
import { Framework } from '../catalog/entities/framework.entity';
import { Indicator } from '../catalog/entities/indicator.entity';
import { IndustryNode } from '../catalog/entities/industry-node.entity';
import { ParkIndustry } from '../catalog/entities/park-industry.entity';
import { Region } from '../catalog/entities/region.entity';
import { Plan } from '../plans/entities/plan.entity';
import { Target } from '../plans/entities/target.entity';
import { upsertByKey, type UpsertCount } from './upsert';

type Row = Record<string, string>;
export type ReadCsv = (name: string) => Row[];

const nul = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const int = (v: string | undefined) => (nul(v) === null ? null : Number(v));
const bool = (v: string | undefined, fallback: boolean) => (nul(v) === null ? fallback : ['true', '1', 'yes', '是'].includes(v!.trim().toLowerCase()));

export class SeedError extends Error {}

/**
 * Groups rows by depth (roots first) so that each level can be upserted in one go once its parents
 * exist; fails on unknown parents and cycles.
 */
function levels(rows: Row[], file: string): Row[][] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const depth = new Map<string, number>();
  const depthOf = (r: Row, seen: Set<string>): number => {
    const known = depth.get(r.code);
    if (known !== undefined) return known;
    if (seen.has(r.code)) throw new SeedError(`${file}: cycle at ${r.code}`);
    seen.add(r.code);
    const parent = nul(r.parent_code);
    let d = 0;
    if (parent) {
      const p = byCode.get(parent);
      if (!p) throw new SeedError(`${file}: ${r.code} has unknown parent_code ${parent}`);
      d = depthOf(p, seen) + 1;
    }
    depth.set(r.code, d);
    return d;
  };
  const out: Row[][] = [];
  for (const r of rows) (out[depthOf(r, new Set())] ??= []).push(r);
  return out;
}

function addCounts(into: UpsertCount, c: UpsertCount): UpsertCount {
  into.inserted += c.inserted;
  into.updated += c.updated;
  into.unchanged += c.unchanged;
  return into;
}

function need(map: Map<string, number>, code: string | null, what: string): number {
  if (code === null) throw new SeedError(`${what}: missing code`);
  const id = map.get(code);
  if (id === undefined) throw new SeedError(`${what}: unknown code ${code}`);
  return id;
}

/** Upserts a tree file level by level (roots first), so every row can refer to the ids of the levels above. */
async function upsertTree<E extends { id: number; code: string }>(
  m: EntityManager,
  entity: EntityTarget<E>,
  rows: Row[],
  file: string,
  toEntity: (row: Row, idsSoFar: Map<string, number>, where: string) => Partial<E>,
): Promise<{ count: UpsertCount; ids: Map<string, number> }> {
  const ids = new Map<string, number>();
  const count: UpsertCount = { inserted: 0, updated: 0, unchanged: 0 };
  for (const level of levels(rows, file)) {
    const res = await upsertByKey(m, entity, level.map((r) => toEntity(r, ids, `${file} ${r.code}`)), (e) => e.code!);
    res.ids.forEach((id, code) => ids.set(code, id));
    addCounts(count, res.count);
  }
  return { count, ids };
}

export type ReferenceSeedSummary = Record<string, UpsertCount>;

/**
 * Loads the reference data of seeds/reference (taxonomies, regions and parks, indicators, plans and
 * targets) in one transaction. Idempotent: a second run changes nothing.
 */
export class ReferenceSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly read: ReadCsv = readReferenceCsv,
  ) {}

  run(): Promise<ReferenceSeedSummary> {
    return this.dataSource.transaction((m) => this.seed(m));
  }

  private async seed(m: EntityManager): Promise<ReferenceSeedSummary> {
    const summary: ReferenceSeedSummary = {};

    const indicators = await upsertByKey(
      m,
      Indicator,
      this.read('indicators.csv').map((r) => ({
        code: r.code,
        name: r.name,
        nameEn: nul(r.name_en),
        unit: r.unit,
        kind: r.kind as Indicator['kind'],
        decimals: int(r.decimals) ?? 2,
        note: nul(r.note),
      })),
      (e) => e.code!,
    );
    summary.indicator = indicators.count;

    const frameworks = await upsertByKey(
      m,
      Framework,
      this.read('frameworks.csv').map((r) => ({ code: r.code, name: r.name, nameEn: nul(r.name_en), description: nul(r.description), source: nul(r.source) })),
      (e) => e.code!,
    );
    summary.framework = frameworks.count;

    const industries = await upsertTree(m, IndustryNode, this.read('industries.csv'), 'industries.csv', (r, ids, where) => ({
      code: r.code,
      frameworkId: need(frameworks.ids, r.framework_code, `${where} framework_code`),
      parentId: nul(r.parent_code) ? need(ids, nul(r.parent_code), `${where} parent_code`) : null,
      name: r.name,
      nameEn: nul(r.name_en),
      indicatorId: nul(r.indicator_code) ? need(indicators.ids, nul(r.indicator_code), `${where} indicator_code`) : null,
      leadUnit: nul(r.lead_unit),
      responsibleUnits: nul(r.responsible_units),
      sortOrder: int(r.sort_order) ?? 0,
      source: nul(r.source),
      note: nul(r.note),
    }));
    summary.industry_node = industries.count;

    // Levels: the city, then districts and zones, then parks — so a park's zone exists before the park.
    const regions = await upsertTree(m, Region, this.read('regions.csv'), 'regions.csv', (r, ids, where) => ({
      code: r.code,
      type: r.type as Region['type'],
      parentId: nul(r.parent_code) ? need(ids, nul(r.parent_code), `${where} parent_code`) : null,
      zoneId: nul(r.zone_code) ? need(ids, nul(r.zone_code), `${where} zone_code`) : null,
      name: r.name,
      nameEn: nul(r.name_en),
      landAreaMu: normalizeDecimal(nul(r.land_area_mu), 4),
      districtVerified: bool(r.district_verified, true),
      note: nul(r.note),
      source: nul(r.source),
    }));
    summary.region = regions.count;
    const industryIds = industries.ids;
    const regionIds = regions.ids;

    summary.park_industry = await this.seedParkIndustries(m, regionIds, industryIds);

    const plans = await upsertByKey(
      m,
      Plan,
      this.read('plans.csv').map((r) => ({
        code: r.code,
        name: r.name,
        nameEn: nul(r.name_en),
        startYear: int(r.start_year)!,
        endYear: int(r.end_year)!,
        ownerUnit: nul(r.owner_unit),
        source: nul(r.source),
      })),
      (e) => e.code!,
    );
    summary.plan = plans.count;

    summary.target = (
      await upsertByKey(
        m,
        Target,
        this.read('targets.csv').map((r) => {
          const where = `targets.csv ${r.code}`;
          const opt = (map: Map<string, number>, v: string | undefined, col: string) => (nul(v) ? need(map, nul(v), `${where} ${col}`) : null);
          return {
            planId: need(plans.ids, r.plan_code, `${where} plan_code`),
            code: r.code,
            name: r.name,
            subjectType: r.subject_type as Target['subjectType'],
            industryNodeId: opt(industryIds, r.industry_code, 'industry_code'),
            regionId: opt(regionIds, r.region_code, 'region_code'),
            indicatorId: need(indicators.ids, r.indicator_code, `${where} indicator_code`),
            denominatorIndustryNodeId: opt(industryIds, r.denominator_industry_code, 'denominator_industry_code'),
            denominatorRegionId: opt(regionIds, r.denominator_region_code, 'denominator_region_code'),
            denominatorIndicatorId: opt(indicators.ids, r.denominator_indicator_code, 'denominator_indicator_code'),
            kind: r.kind as Target['kind'],
            comparator: (nul(r.comparator) ?? 'gte') as Target['comparator'],
            targetValue: normalizeDecimal(r.target_value, 4)!,
            targetYear: int(r.target_year)!,
            baselineValue: normalizeDecimal(nul(r.baseline_value), 4),
            baselineYear: int(r.baseline_year),
            baselineScopeLabel: nul(r.baseline_scope_label),
            unit: r.unit,
            sourceDocument: nul(r.source_document),
            sourceArticle: nul(r.source_article),
            note: nul(r.note),
          };
        }),
        (e) => `${e.planId}|${e.code}`,
      )
    ).count;

    return summary;
  }

  private async seedParkIndustries(m: EntityManager, regionIds: Map<string, number>, industryIds: Map<string, number>): Promise<UpsertCount> {
    const repo = m.getRepository(ParkIndustry);
    const existing = new Map((await repo.find()).map((l) => [`${l.parkId}|${l.industryNodeId}`, l]));
    const count: UpsertCount = { inserted: 0, updated: 0, unchanged: 0 };
    for (const r of this.read('park-industries.csv')) {
      const parkId = need(regionIds, r.park_code, 'park-industries.csv park_code');
      const industryNodeId = need(industryIds, r.industry_code, `park-industries.csv ${r.park_code} industry_code`);
      const current = existing.get(`${parkId}|${industryNodeId}`);
      const source = nul(r.source);
      if (!current) {
        await repo.insert({ parkId, industryNodeId, source });
        existing.set(`${parkId}|${industryNodeId}`, repo.create({ parkId, industryNodeId, source }));
        count.inserted++;
      } else if (current.source !== source) {
        await repo.update({ parkId, industryNodeId }, { source });
        count.updated++;
      } else count.unchanged++;
    }
    return count;
  }
}
