/**
 * Which series the completeness job expects every month (pure): COMPLETENESS_EXPECTED items.
 * - `industry:5x` — every node of the 5+X framework (the five industries, their sub-fields, the X
 *   group and its tracks) at city level, in the node's own indicator (产值 or 营收);
 * - `park:parks` — every park × each industry it carries (park_industry), counted at the five
 *   industries' level (a park carrying 集成电路 reports 新一代信息技术), an X track as itself (the
 *   tracks overlap the five and are never summed into them).
 */
export interface ExpectationRef {
  industries: ReadonlyMap<number, { id: number; code: string; name: string; parentId: number | null; frameworkId: number; indicatorId: number | null }>;
  regions: ReadonlyMap<number, { id: number; code: string; name: string; type: string; parentId: number | null; zoneId: number | null }>;
  indicators: ReadonlyMap<number, { id: number; code: string; name: string }>;
  parkIndustries: readonly { parkId: number; industryNodeId: number }[];
  /** Id of the 5+X framework (`xm-sei-5x`). */
  frameworkId: number | null;
  /** Codes of the five industries (the sum scope `sei5`). */
  fiveIndustryCodes: readonly string[];
}

export interface ExpectedSeries {
  /** `series:<indicator>:<industry>:<region>`. */
  key: string;
  dataset: 'industry' | 'park';
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  industryNodeId: number;
  industryCode: string;
  industryName: string;
  regionId: number;
  regionCode: string;
  regionName: string;
  /** The district or zone of a park (its district users are told too); null for the city. */
  districtId: number | null;
}

export function seriesKey(indicatorCode: string, industryCode: string, regionCode: string): string {
  return `series:${indicatorCode}:${industryCode}:${regionCode}`;
}

function topLevel(ref: ExpectationRef, id: number): number {
  let node = ref.industries.get(id);
  while (node && node.parentId !== null) {
    const parent = ref.industries.get(node.parentId);
    if (!parent) break;
    node = parent;
  }
  return node ? node.id : id;
}

export function expectedSeries(ref: ExpectationRef, items: readonly string[]): ExpectedSeries[] {
  const out = new Map<string, ExpectedSeries>();
  const city = [...ref.regions.values()].find((r) => r.type === 'city');
  const add = (dataset: ExpectedSeries['dataset'], industryId: number, regionId: number) => {
    const industry = ref.industries.get(industryId);
    const region = ref.regions.get(regionId);
    const indicator = industry?.indicatorId ? ref.indicators.get(industry.indicatorId) : undefined;
    if (!industry || !region || !indicator) return;
    const key = seriesKey(indicator.code, industry.code, region.code);
    if (out.has(key)) return;
    const districtId = region.type === 'park' ? region.parentId : region.type === 'district' || region.type === 'zone' ? region.id : null;
    out.set(key, {
      key,
      dataset,
      indicatorId: indicator.id,
      indicatorCode: indicator.code,
      indicatorName: indicator.name,
      industryNodeId: industry.id,
      industryCode: industry.code,
      industryName: industry.name,
      regionId: region.id,
      regionCode: region.code,
      regionName: region.name,
      districtId,
    });
  };
  if (ref.frameworkId === null || !city) return [];
  const inFramework = [...ref.industries.values()].filter((n) => n.frameworkId === ref.frameworkId);
  if (items.includes('industry:5x')) {
    for (const n of inFramework) add('industry', n.id, city.id);
  }
  if (items.includes('park:parks')) {
    const five = new Set(ref.fiveIndustryCodes);
    for (const link of ref.parkIndustries) {
      const node = ref.industries.get(link.industryNodeId);
      if (!node || node.frameworkId !== ref.frameworkId) continue;
      const top = ref.industries.get(topLevel(ref, node.id));
      add('park', top && five.has(top.code) ? top.id : node.id, link.parkId);
    }
  }
  return [...out.values()];
}
