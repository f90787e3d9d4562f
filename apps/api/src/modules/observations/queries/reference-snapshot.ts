import type { Granularity, IndustryRefDto, RegionRefDto, RegionType } from '@im/contracts';

/** Reference data as the dashboards need it: small, read often, held in memory per data version. */
export interface IndustryInfo {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  parentId: number | null;
  frameworkCode: string | null;
  indicatorId: number | null;
  sortOrder: number;
}

export interface RegionInfo {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  type: RegionType;
  parentId: number | null;
  zoneId: number | null;
  /** Decimal string (亩), null when unknown. */
  landAreaMu: string | null;
  districtVerified: boolean;
}

export interface IndicatorInfo {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  unit: string;
  kind: string;
}

export interface ReferenceData {
  industries: IndustryInfo[];
  regions: RegionInfo[];
  indicators: IndicatorInfo[];
  /** Park id → industry node ids it carries. */
  parkIndustries: Map<number, number[]>;
}

const REGION_ORDER: Record<RegionType, number> = { city: 0, district: 1, zone: 2, park: 3 };

export class ReferenceSnapshot {
  readonly industryById: ReadonlyMap<number, IndustryInfo>;
  readonly industryByCode: ReadonlyMap<string, IndustryInfo>;
  readonly regionById: ReadonlyMap<number, RegionInfo>;
  readonly regionByCode: ReadonlyMap<string, RegionInfo>;
  readonly indicatorById: ReadonlyMap<number, IndicatorInfo>;
  readonly indicatorByCode: ReadonlyMap<string, IndicatorInfo>;
  readonly parkIndustries: ReadonlyMap<number, readonly number[]>;
  private readonly childrenByParent = new Map<number | null, IndustryInfo[]>();
  private readonly regionChildren = new Map<number | null, RegionInfo[]>();
  readonly city: RegionInfo | null;

  constructor(data: ReferenceData) {
    this.industryById = new Map(data.industries.map((n) => [n.id, n]));
    this.industryByCode = new Map(data.industries.map((n) => [n.code, n]));
    this.regionById = new Map(data.regions.map((r) => [r.id, r]));
    this.regionByCode = new Map(data.regions.map((r) => [r.code, r]));
    this.indicatorById = new Map(data.indicators.map((i) => [i.id, i]));
    this.indicatorByCode = new Map(data.indicators.map((i) => [i.code, i]));
    this.parkIndustries = data.parkIndustries;
    for (const n of [...data.industries].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)) {
      const list = this.childrenByParent.get(n.parentId) ?? [];
      list.push(n);
      this.childrenByParent.set(n.parentId, list);
    }
    for (const r of [...data.regions].sort((a, b) => REGION_ORDER[a.type] - REGION_ORDER[b.type] || a.id - b.id)) {
      const list = this.regionChildren.get(r.parentId) ?? [];
      list.push(r);
      this.regionChildren.set(r.parentId, list);
    }
    this.city = data.regions.find((r) => r.type === 'city') ?? null;
  }

  /** Children of a node in display order. */
  childrenOf(industryId: number): IndustryInfo[] {
    return this.childrenByParent.get(industryId) ?? [];
  }

  /** Top-level nodes of a framework in display order. */
  rootsOf(frameworkCode: string): IndustryInfo[] {
    return (this.childrenByParent.get(null) ?? []).filter((n) => n.frameworkCode === frameworkCode);
  }

  /** The node and every node below it. */
  subtreeIds(industryId: number): number[] {
    const out: number[] = [];
    const walk = (id: number) => {
      out.push(id);
      for (const child of this.childrenOf(id)) walk(child.id);
    };
    walk(industryId);
    return out;
  }

  /** The node's top-level ancestor (itself for a root). */
  rootOf(industryId: number): IndustryInfo | undefined {
    let node = this.industryById.get(industryId);
    for (let guard = 0; node && node.parentId !== null && guard < 50; guard++) node = this.industryById.get(node.parentId);
    return node;
  }

  /** Districts directly under a region (the city). */
  districtsOf(regionId: number): RegionInfo[] {
    return (this.regionChildren.get(regionId) ?? []).filter((r) => r.type === 'district');
  }

  /** Parks of a region: every park of the city, the parks of a district, the parks of a zone. */
  parksIn(region: RegionInfo): RegionInfo[] {
    const parks = [...this.regionById.values()].filter((r) => r.type === 'park').sort((a, b) => a.id - b.id);
    if (region.type === 'city') return parks;
    if (region.type === 'zone') return parks.filter((p) => p.zoneId === region.id);
    return parks.filter((p) => p.parentId === region.id);
  }

  /** The district a park (or district) lies in. */
  districtOf(region: RegionInfo): RegionInfo | null {
    if (region.type === 'district') return region;
    const parent = region.parentId !== null ? this.regionById.get(region.parentId) : undefined;
    return parent?.type === 'district' ? parent : null;
  }

  industryRef(node: IndustryInfo): IndustryRefDto {
    return { code: node.code, name: node.name, nameEn: node.nameEn, indicatorCode: node.indicatorId !== null ? (this.indicatorById.get(node.indicatorId)?.code ?? null) : null };
  }

  regionRef(region: RegionInfo): RegionRefDto {
    return { code: region.code, name: region.name, nameEn: region.nameEn, type: region.type };
  }
}

export interface SubjectSeriesRow {
  id: number;
  indicatorId: number;
  industryNodeId: number | null;
  regionId: number;
  granularity: Granularity;
}

const GRANULARITY_PREFERENCE: Record<Granularity, number> = { month: 0, quarter: 1, year: 2 };

/** The series of subjects (industry and/or region, no enterprise), found by subject without a query. */
export class SubjectSeriesIndex {
  private readonly bySubject = new Map<string, SubjectSeriesRow[]>();

  constructor(readonly all: readonly SubjectSeriesRow[]) {
    const rows = all;
    for (const row of rows) {
      const key = SubjectSeriesIndex.key(row.indicatorId, row.industryNodeId, row.regionId);
      const list = this.bySubject.get(key) ?? [];
      list.push(row);
      list.sort((a, b) => GRANULARITY_PREFERENCE[a.granularity] - GRANULARITY_PREFERENCE[b.granularity]);
      this.bySubject.set(key, list);
    }
  }

  private static key(indicatorId: number, industryNodeId: number | null, regionId: number): string {
    return `${indicatorId}|${industryNodeId ?? '-'}|${regionId}`;
  }

  /** The subject's series at the finest granularity stored (month, else quarter, else year). */
  find(indicatorId: number, industryNodeId: number | null, regionId: number): SubjectSeriesRow | null {
    return this.bySubject.get(SubjectSeriesIndex.key(indicatorId, industryNodeId, regionId))?.[0] ?? null;
  }

  get size(): number {
    return this.bySubject.size;
  }
}
