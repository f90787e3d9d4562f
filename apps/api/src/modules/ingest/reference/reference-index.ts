/**
 * Reference data as the ingest pipeline looks it up: industries, regions (city, districts, zones,
 * parks), indicators and enterprises by code or by name (as clerks write them: full-width brackets,
 * `思明` for `思明区`, `#` sub-item markers already stripped). An unknown name is never turned into a
 * new entity; the closest known names are suggested instead. Pure: built from plain rows.
 */
import { normalizeCreditCode } from '@im/domain';
import type { Granularity, IndicatorKind, RegionType } from '@im/contracts';
import { normalizeLabel } from '../header/column-dictionary';

export interface RefIndustry {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  indicatorId: number | null;
}

export interface RefRegion {
  id: number;
  code: string;
  name: string;
  type: RegionType;
  parentId: number | null;
}

export interface RefIndicator {
  id: number;
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
}

export interface RefEnterprise {
  id: number;
  creditCode: string;
  name: string;
  parkId: number | null;
  districtId: number | null;
  industryIds: number[];
}

/** An existing series of a subject without an enterprise (to pick the granularity of macro figures). */
export interface RefSeries {
  indicatorId: number;
  industryId: number | null;
  regionId: number;
  granularity: Granularity;
}

export interface ReferenceData {
  industries: RefIndustry[];
  regions: RefRegion[];
  indicators: RefIndicator[];
  enterprises: RefEnterprise[];
  series: RefSeries[];
}

export type Lookup<T> = { kind: 'found'; item: T } | { kind: 'ambiguous'; items: T[] } | { kind: 'unknown'; suggestions: string[] };

/** Names clerks and bureau tables use for the indicators (besides their own names and codes). */
const INDICATOR_ALIASES: Record<string, string[]> = {
  output: ['产值', '总产值', '工业总产值', '工业产值', '产业规模', '规模', 'output'],
  revenue: ['营业收入', '营收', '营业总收入', '主营业务收入', '收入', 'revenue'],
  value_added: ['增加值', '工业增加值', 'valueadded', 'va'],
  gdp: ['地区生产总值', '生产总值', 'gdp', '国内生产总值', '全市生产总值'],
  industrial_va: ['规模以上工业增加值', '规上工业增加值', 'industrialva'],
  rd_expenditure: ['研发经费内部支出', '研发经费', 'r&d经费', 'r&d经费内部支出', '研究与试验发展经费'],
  enterprise_count: ['企业数', '企业个数', '单位数', '企业数量'],
  hnte_count: ['国家高新技术企业数', '高新技术企业数', '国家级高新技术企业数', '国家高新技术企业'],
  national_platform_count: ['国家级创新平台数', '国家级创新平台'],
  provincial_nri_count: ['省级新型研发机构数', '省级新型研发机构'],
  hv_patents_per_10k: ['每万人口高价值发明专利拥有量', '每万人高价值发明专利拥有量'],
};

/** Levenshtein distance (characters), for suggestions. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (rowMin > max) return max + 1;
  }
  return prev[b.length];
}

/** Up to `n` names closest to `text` (substring matches first, then by edit distance). */
export function closestNames(text: string, names: Iterable<string>, n = 3): string[] {
  const q = normalizeLabel(text);
  if (!q) return [];
  const max = Math.max(2, Math.ceil(q.length / 2));
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const norm = normalizeLabel(name);
    let score: number;
    if (norm.includes(q) || q.includes(norm)) score = Math.abs(norm.length - q.length) / 100;
    else {
      const d = editDistance(q, norm, max);
      if (d > max) continue;
      score = d;
    }
    scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.length - b.name.length)
    .slice(0, n)
    .map((s) => s.name);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function regionNameVariants(name: string, type: RegionType): string[] {
  const n = normalizeLabel(name);
  const out = [n];
  if (type === 'district' && /[区县]$/.test(n) && n.length > 2) out.push(n.slice(0, -1));
  if (type === 'city' && /市$/.test(n)) out.push(n.slice(0, -1), '全市', '合计全市');
  return out;
}

export class ReferenceIndex {
  private readonly industryByCode = new Map<string, RefIndustry>();
  private readonly industriesByName = new Map<string, RefIndustry[]>();
  private readonly regionByCode = new Map<string, RefRegion>();
  private readonly regionsByName = new Map<string, RefRegion[]>();
  private readonly indicatorByKey = new Map<string, RefIndicator>();
  private readonly indicatorsById = new Map<number, RefIndicator>();
  private readonly enterpriseByCode = new Map<string, RefEnterprise>();
  private readonly enterprisesByName = new Map<string, RefEnterprise[]>();
  private readonly regionsById = new Map<number, RefRegion>();
  private readonly industriesById = new Map<number, RefIndustry>();
  private readonly granularities = new Map<string, Set<Granularity>>();
  private readonly childrenOf = new Map<number, number[]>();
  /** Indicator words sorted longest first (for `高技术制造业增加值` = industry + indicator). */
  private readonly indicatorWords: { word: string; indicator: RefIndicator }[] = [];
  readonly city: RefRegion | undefined;

  constructor(readonly data: ReferenceData) {
    for (const i of data.industries) {
      this.industryByCode.set(i.code.toLowerCase(), i);
      this.industriesById.set(i.id, i);
      push(this.industriesByName, normalizeLabel(i.name), i);
      if (i.parentId !== null) push(this.childrenOf, i.parentId, i.id);
    }
    for (const r of data.regions) {
      this.regionByCode.set(r.code.toLowerCase(), r);
      this.regionsById.set(r.id, r);
      for (const v of regionNameVariants(r.name, r.type)) push(this.regionsByName, v, r);
    }
    this.city = data.regions.find((r) => r.type === 'city');
    for (const ind of data.indicators) {
      this.indicatorsById.set(ind.id, ind);
      const keys = [ind.code, ind.name, ...(INDICATOR_ALIASES[ind.code] ?? [])].map(normalizeLabel);
      for (const k of keys) {
        if (!this.indicatorByKey.has(k)) this.indicatorByKey.set(k, ind);
        this.indicatorWords.push({ word: k, indicator: ind });
      }
    }
    this.indicatorWords.sort((a, b) => b.word.length - a.word.length);
    for (const e of data.enterprises) {
      this.enterpriseByCode.set(e.creditCode, e);
      push(this.enterprisesByName, normalizeLabel(e.name), e);
    }
    for (const s of data.series) {
      const key = `${s.indicatorId}|${s.industryId ?? '-'}|${s.regionId}`;
      const set = this.granularities.get(key) ?? new Set<Granularity>();
      set.add(s.granularity);
      this.granularities.set(key, set);
    }
  }

  industry(text: string): Lookup<RefIndustry> {
    const t = text.trim();
    const byCode = this.industryByCode.get(t.normalize('NFKC').toLowerCase());
    if (byCode) return { kind: 'found', item: byCode };
    const list = this.industriesByName.get(normalizeLabel(t));
    if (list?.length === 1) return { kind: 'found', item: list[0] };
    if (list && list.length > 1) return { kind: 'ambiguous', items: list };
    return { kind: 'unknown', suggestions: closestNames(t, this.data.industries.map((i) => i.name)) };
  }

  industryById(id: number): RefIndustry | undefined {
    return this.industriesById.get(id);
  }

  /** Direct children of an industry node (ids). */
  childrenIds(id: number): number[] {
    return this.childrenOf.get(id) ?? [];
  }

  region(text: string): Lookup<RefRegion> {
    const t = text.trim();
    const byCode = this.regionByCode.get(t.normalize('NFKC').toLowerCase());
    if (byCode) return { kind: 'found', item: byCode };
    const list = this.regionsByName.get(normalizeLabel(t));
    if (list?.length === 1) return { kind: 'found', item: list[0] };
    if (list && list.length > 1) return { kind: 'ambiguous', items: list };
    return { kind: 'unknown', suggestions: closestNames(t, this.data.regions.map((r) => r.name)) };
  }

  regionById(id: number): RefRegion | undefined {
    return this.regionsById.get(id);
  }

  indicator(text: string): Lookup<RefIndicator> {
    const found = this.indicatorByKey.get(normalizeLabel(text));
    if (found) return { kind: 'found', item: found };
    return { kind: 'unknown', suggestions: closestNames(text, this.data.indicators.map((i) => i.name)) };
  }

  indicatorById(id: number): RefIndicator | undefined {
    return this.indicatorsById.get(id);
  }

  indicatorByCode(code: string): RefIndicator | undefined {
    return this.data.indicators.find((i) => i.code === code);
  }

  /**
   * A bureau row label naming an indicator, optionally of an industry: `地区生产总值`,
   * `规模以上工业增加值`, `高技术制造业增加值` (industry 高技术制造业 + 增加值).
   */
  indicatorLabel(text: string): { indicator: RefIndicator; industry: RefIndustry | null } | null {
    const norm = normalizeLabel(text);
    const whole = this.indicatorByKey.get(norm);
    if (whole) return { indicator: whole, industry: null };
    for (const { word, indicator } of this.indicatorWords) {
      if (word.length < 2 || !norm.endsWith(word) || norm.length === word.length) continue;
      const rest = norm.slice(0, -word.length);
      const industry = this.industriesByName.get(rest);
      if (industry?.length === 1) return { indicator, industry: industry[0] };
    }
    return null;
  }

  enterprise(creditCode: string): RefEnterprise | undefined {
    return this.enterpriseByCode.get(normalizeCreditCode(creditCode));
  }

  enterpriseByName(name: string): Lookup<RefEnterprise> {
    const list = this.enterprisesByName.get(normalizeLabel(name));
    if (list?.length === 1) return { kind: 'found', item: list[0] };
    if (list && list.length > 1) return { kind: 'ambiguous', items: list };
    return { kind: 'unknown', suggestions: closestNames(name, this.data.enterprises.map((e) => e.name)) };
  }

  /** Granularities of the existing series of this subject (without enterprise). */
  existingGranularities(indicatorId: number, industryId: number | null, regionId: number): Set<Granularity> {
    return this.granularities.get(`${indicatorId}|${industryId ?? '-'}|${regionId}`) ?? new Set();
  }
}
