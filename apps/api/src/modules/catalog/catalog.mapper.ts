import type { FrameworkDto, IndicatorDto, IndustryNodeDto, RegionNodeDto } from '@im/contracts';
import type { Framework } from './entities/framework.entity';
import type { Indicator } from './entities/indicator.entity';
import type { IndustryNode } from './entities/industry-node.entity';
import type { Region } from './entities/region.entity';

export function toFrameworkDto(f: Framework): FrameworkDto {
  return { code: f.code, name: f.name, nameEn: f.nameEn, description: f.description, source: f.source };
}

export function toIndicatorDto(i: Indicator): IndicatorDto {
  return { code: i.code, name: i.name, nameEn: i.nameEn, unit: i.unit, kind: i.kind, decimals: i.decimals };
}

/** Builds trees from flat rows (parents may come after children), children in sort order. */
function buildTree<T extends { id: number; parentId: number | null }, D extends { children: D[] }>(
  rows: T[],
  map: (row: T) => D,
  order: (a: T, b: T) => number,
): D[] {
  const sorted = [...rows].sort(order);
  const dtos = new Map<number, D>(sorted.map((r) => [r.id, map(r)]));
  const roots: D[] = [];
  for (const r of sorted) {
    const dto = dtos.get(r.id)!;
    const parent = r.parentId !== null ? dtos.get(r.parentId) : undefined;
    if (parent) parent.children.push(dto);
    else roots.push(dto);
  }
  return roots;
}

export function toIndustryTree(nodes: IndustryNode[], indicatorCodes: Map<number, string>): IndustryNodeDto[] {
  return buildTree(
    nodes,
    (n) => ({
      code: n.code,
      name: n.name,
      nameEn: n.nameEn,
      indicatorCode: n.indicatorId !== null ? (indicatorCodes.get(n.indicatorId) ?? null) : null,
      leadUnit: n.leadUnit,
      responsibleUnits: n.responsibleUnits,
      source: n.source,
      children: [],
    }),
    (a, b) => a.sortOrder - b.sortOrder || a.id - b.id,
  );
}

export function toRegionTree(regions: Region[], parkIndustries: Map<number, string[]>): RegionNodeDto[] {
  const codeById = new Map(regions.map((r) => [r.id, r.code]));
  const typeOrder = { city: 0, district: 1, zone: 2, park: 3 } as const;
  return buildTree(
    regions,
    (r) => ({
      code: r.code,
      name: r.name,
      nameEn: r.nameEn,
      type: r.type,
      zoneCode: r.zoneId !== null ? (codeById.get(r.zoneId) ?? null) : null,
      landAreaMu: r.landAreaMu === null ? null : Number(r.landAreaMu),
      districtVerified: r.districtVerified,
      note: r.note,
      industryCodes: parkIndustries.get(r.id) ?? [],
      children: [],
    }),
    (a, b) => typeOrder[a.type] - typeOrder[b.type] || a.id - b.id,
  );
}
