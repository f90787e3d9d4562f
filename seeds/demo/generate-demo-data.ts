import { allocate } from './allocate';
import {
  ABOVE_SCALE_THRESHOLD,
  COUNTS,
  DEFAULT_SEED,
  ENTERPRISE_COUNT,
  FIRST_YEAR,
  GROWTH_NOISE,
  INDUSTRIES,
  KEY_ENTERPRISE_SHARE,
  LAST_YEAR,
  MACRO,
  OUTSIDE_PARKS_WEIGHT,
  PARK_AFFINITY,
  PARK_SCALE,
  SEASON_NOISE,
  SEASON_OUTPUT,
  SEASON_QUARTER,
  SEASON_REVENUE,
  X_TRACKS,
} from './calibration';
import type { DemoDataset, DemoEnterprise, DemoGranularity, DemoSeries } from './demo-data.types';
import { type DemoIndustry, type DemoModel, loadDemoModel } from './demo-model';
import { makeCreditCode, makeEnterpriseName } from './enterprise-identity';
import {
  type YearMonth,
  formatHundredths,
  monthlyObservations,
  quarterlyObservations,
  yearlyObservations,
} from './observations';
import { rng } from './prng';

/** Monthly single-month values, index (year − 2020) × 12 + month − 1, over whole years. */
type Monthly = number[];

function validateThrough(through: YearMonth): YearMonth {
  const { year, month } = through;
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`through must be a year and a month 1–12, got ${JSON.stringify(through)}`);
  }
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new RangeError(`through.year must be ${FIRST_YEAR}–${LAST_YEAR}, got ${year}`);
  return { year, month };
}

/** Annual totals: the 2020 value, then compounding growth with seeded noise. */
function annualPath(seed: number, label: string, base: number, growth: number, noise: number, years: number): number[] {
  const r = rng(seed, 'growth', label);
  const out = [base];
  for (let y = 1; y < years; y++) out.push(Math.round(out[y - 1] * (1 + growth + r.between(-noise, noise))));
  return out;
}

/** Relative shares drifting each year: w0 × Π(1 + drift + noise). */
function sharePath(seed: number, label: string, w0: number, drift: number, years: number): number[] {
  const r = rng(seed, 'share', label);
  const out = [w0];
  for (let y = 1; y < years; y++) out.push(out[y - 1] * (1 + drift + r.between(-0.02, 0.02)));
  return out;
}

/** Splits each year's total into months with seasonal weights and a little seeded noise. */
function toMonths(seed: number, label: string, annual: readonly number[], season: readonly number[]): Monthly {
  const r = rng(seed, 'season', label);
  const out: Monthly = [];
  for (const total of annual) {
    const w = season.map((s) => s * (1 + r.between(-SEASON_NOISE, SEASON_NOISE)));
    out.push(...allocate(total, w));
  }
  return out;
}

function toQuarters(seed: number, label: string, annual: readonly number[]): number[] {
  const r = rng(seed, 'quarter', label);
  const out: number[] = [];
  for (const total of annual) out.push(...allocate(total, SEASON_QUARTER.map((s) => s * (1 + r.between(-0.02, 0.02)))));
  return out;
}

function addInto(target: Monthly, source: readonly number[]): void {
  for (let i = 0; i < source.length; i++) target[i] += source[i];
}

const zeros = (n: number): Monthly => new Array<number>(n).fill(0);
const seasonOf = (indicator: string) => (indicator === 'revenue' ? SEASON_REVENUE : SEASON_OUTPUT);

interface IndustryGrid {
  /** industry and sub-field code → city monthly */
  city: Map<string, Monthly>;
  /** district → monthly of the industry */
  district: Map<string, Monthly>;
  /** `${park}|${subField}` → monthly */
  parkCell: Map<string, Monthly>;
  /** park → monthly of the industry (only parks carrying it) */
  park: Map<string, Monthly>;
}

/**
 * One of the 5 industries: annual total → (sub-field × district) cells → months → parks. Every split is
 * an exact integer allocation, so sub-fields and districts add up to the industry and parks never
 * exceed their district (the rest of a cell is the part outside parks).
 */
function industryGrid(seed: number, model: DemoModel, industry: DemoIndustry, years: number): IndustryGrid {
  const cal = INDUSTRIES[industry.code];
  const n = years * 12;
  const total = annualPath(seed, industry.code, cal.base2020, cal.growth, GROWTH_NOISE, years);
  const subs = industry.subFields;
  const districts = model.districts;
  const subShare = subs.map((s) => {
    const [w0, drift] = cal.subFields[s.suffix] ?? [1, 0];
    return sharePath(seed, s.code, w0, drift, years);
  });
  const distShare = districts.map((d) => {
    const [w0, drift] = cal.districts[d] ?? [1, 0];
    return sharePath(seed, `${industry.code}|${d}`, w0, drift, years);
  });
  const parksIn = (sub: string, district: string) => model.parks.filter((p) => p.district === district && p.subFields.has(sub));
  const affinity = subs.map((s) =>
    districts.map((d) => {
      const r = rng(seed, 'affinity', s.code, d);
      const parks = parksIn(s.code, d);
      const boost = parks.some((p) => p.namedSubFields.has(s.code)) ? PARK_AFFINITY.named : parks.length > 0 ? PARK_AFFINITY.industry : 1;
      return boost * r.between(0.8, 1.2);
    }),
  );

  // annual cells, then months
  const cells: Monthly[][] = subs.map(() => districts.map(() => [] as number[]));
  for (let y = 0; y < years; y++) {
    const weights: number[] = [];
    subs.forEach((_, k) => districts.forEach((_, d) => weights.push(subShare[k][y] * distShare[d][y] * affinity[k][d])));
    const annual = allocate(total[y], weights);
    subs.forEach((s, k) =>
      districts.forEach((d, j) => {
        const r = rng(seed, 'season', s.code, d, y);
        const w = seasonOf(s.indicator).map((v) => v * (1 + r.between(-SEASON_NOISE, SEASON_NOISE)));
        cells[k][j].push(...allocate(annual[k * districts.length + j], w));
      }),
    );
  }

  const grid: IndustryGrid = { city: new Map(), district: new Map(), parkCell: new Map(), park: new Map() };
  const all = zeros(n);
  subs.forEach((s, k) => {
    const sub = zeros(n);
    cells[k].forEach((c) => addInto(sub, c));
    grid.city.set(s.code, sub);
    addInto(all, sub);
  });
  grid.city.set(industry.code, all);
  districts.forEach((d, j) => {
    const dist = zeros(n);
    subs.forEach((_, k) => addInto(dist, cells[k][j]));
    grid.district.set(d, dist);
  });

  subs.forEach((s, k) =>
    districts.forEach((d, j) => {
      const parks = parksIn(s.code, d);
      if (parks.length === 0) return;
      const r = rng(seed, 'parks', s.code, d);
      const outside = r.between(OUTSIDE_PARKS_WEIGHT[0], OUTSIDE_PARKS_WEIGHT[1]);
      const paths = parks.map((p) =>
        sharePath(seed, `${p.code}|${s.code}`, (PARK_SCALE[`${p.code}|${industry.code}`] ?? PARK_SCALE[p.code] ?? 1) * r.between(0.7, 1.3), r.between(-0.02, 0.06), years),
      );
      const series = parks.map(() => [] as number[]);
      for (let y = 0; y < years; y++) {
        const weights = [...paths.map((path) => path[y]), outside];
        for (let m = 0; m < 12; m++) {
          const parts = allocate(cells[k][j][y * 12 + m], weights);
          series.forEach((sr, i) => sr.push(parts[i]));
        }
      }
      parks.forEach((p, i) => {
        grid.parkCell.set(`${p.code}|${s.code}`, series[i]);
        const park = grid.park.get(p.code) ?? zeros(n);
        addInto(park, series[i]);
        grid.park.set(p.code, park);
      });
    }),
  );
  return grid;
}

interface EnterpriseDraft {
  park: string;
  district: string;
  subField: string;
  industry: string;
  indicator: string;
  values: Monthly;
}

/**
 * About 300 key enterprises spread over the park × sub-field cells (more where the cell is bigger);
 * together they produce a seeded share of their cell, so they never exceed their park.
 */
function enterpriseDrafts(seed: number, model: DemoModel, grids: Map<string, IndustryGrid>, years: number): EnterpriseDraft[] {
  interface ParkCell {
    park: string;
    district: string;
    subField: string;
    industry: string;
    indicator: string;
    values: Monthly;
    weight: number;
  }
  const cellsList: ParkCell[] = [];
  for (const industry of model.industries) {
    const grid = grids.get(industry.code);
    if (!grid) continue;
    for (const p of model.parks)
      for (const s of industry.subFields) {
        const values = grid.parkCell.get(`${p.code}|${s.code}`);
        if (!values) continue;
        const first = values.slice(0, 12).reduce((a, b) => a + b, 0);
        if (first > 0) cellsList.push({ park: p.code, district: p.district, subField: s.code, industry: industry.code, indicator: s.indicator, values, weight: Math.sqrt(first) });
      }
  }
  const counts = new Array<number>(cellsList.length).fill(0);
  const totalWeight = cellsList.reduce((a, c) => a + c.weight, 0);
  const pickR = rng(seed, 'enterprise-cells');
  for (let e = 0; e < ENTERPRISE_COUNT; e++) {
    let x = pickR.next() * totalWeight;
    let i = 0;
    while (i < cellsList.length - 1 && x >= cellsList[i].weight) {
      x -= cellsList[i].weight;
      i++;
    }
    counts[i]++;
  }
  const drafts: EnterpriseDraft[] = [];
  cellsList.forEach((c, ci) => {
    const count = counts[ci];
    if (count === 0) return;
    const r = rng(seed, 'enterprises', c.park, c.subField);
    const keyShare = r.between(KEY_ENTERPRISE_SHARE[0], KEY_ENTERPRISE_SHARE[1]);
    const base = Array.from({ length: count }, () => 0.15 + 4 * r.next() ** 3);
    const paths = base.map((w, i) => {
      const drift = rng(seed, 'enterprise-drift', c.park, c.subField, i);
      const out = [w];
      for (let y = 1; y < years; y++) out.push(out[y - 1] * (1 + drift.between(-0.06, 0.1)));
      return out;
    });
    const series = base.map(() => [] as number[]);
    for (let y = 0; y < years; y++) {
      const ew = paths.map((p) => p[y]);
      const key = ew.reduce((a, b) => a + b, 0);
      const weights = [...ew, (key * (1 - keyShare)) / keyShare];
      for (let m = 0; m < 12; m++) {
        const parts = allocate(c.values[y * 12 + m], weights);
        series.forEach((s, i) => s.push(parts[i]));
      }
    }
    series.forEach((values) => drafts.push({ park: c.park, district: c.district, subField: c.subField, industry: c.industry, indicator: c.indicator, values }));
  });
  return drafts;
}

function enterprises(seed: number, drafts: EnterpriseDraft[]): DemoEnterprise[] {
  const codes = new Set<string>();
  const names = new Set<string>();
  const first = drafts.map((d) => d.values.slice(0, 12).reduce((a, b) => a + b, 0));
  const leaders = new Set<number>();
  const best = new Map<string, number>();
  drafts.forEach((d, i) => {
    const b = best.get(d.industry);
    if (b === undefined || first[i] > first[b]) best.set(d.industry, i);
  });
  best.forEach((i) => leaders.add(i));
  return drafts.map((d, i) => {
    const r = rng(seed, 'identity', i);
    let creditCode = makeCreditCode(r, d.district);
    while (codes.has(creditCode)) creditCode = makeCreditCode(r, d.district);
    codes.add(creditCode);
    return {
      creditCode,
      name: makeEnterpriseName(r, d.subField, names),
      parkCode: d.park,
      industryCodes: [d.subField],
      aboveScale: first[i] >= ABOVE_SCALE_THRESHOLD,
      hnte: leaders.has(i) || r.next() < 0.55,
      littleGiant: r.next() < 0.08,
      champion: r.next() < 0.03,
      chainLeader: leaders.has(i),
    };
  });
}

function stepCounts(seed: number, label: string, [base, lo, hi]: readonly [number, number, number], years: number, perMille = false): number[] {
  const r = rng(seed, 'count', label);
  const out = [base];
  for (let y = 1; y < years; y++) {
    const step = r.int(lo, hi);
    out.push(perMille ? Math.round((out[y - 1] * (1000 + step)) / 1000) : out[y - 1] + step);
  }
  return out;
}

/**
 * Deterministic demo data (see seeds/README.md): monthly 5+X industry series for the city, the
 * districts, the parks and ~300 fictional key enterprises, plus the quarterly/annual macro series
 * the 004 targets need. Same options → identical output; values do not depend on `through`
 * (a later `through` only adds observations).
 */
export function generateDemoData(options: { through: { year: number; month: number }; seed?: number }): DemoDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const through = validateThrough(options.through);
  const years = through.year - FIRST_YEAR + 1;
  const model = loadDemoModel();
  const city = model.city;
  const series: DemoSeries[] = [];
  const key = (indicator: string, industry: string | null, region: string, enterprise: string | null, granularity: DemoGranularity) => ({
    indicator,
    industry,
    region,
    enterprise,
    granularity,
  });

  const grids = new Map<string, IndustryGrid>();
  for (const industry of model.industries) grids.set(industry.code, industryGrid(seed, model, industry, years));

  const cityMonthly = new Map<string, Monthly>();
  grids.forEach((g) => g.city.forEach((v, code) => cityMonthly.set(code, v)));
  if (model.xGroup) {
    const group = zeros(years * 12);
    for (const track of model.xGroup.subFields) {
      const [base, growth] = X_TRACKS[track.suffix] ?? [100 * 10_000, 0.1];
      const values = toMonths(seed, track.code, annualPath(seed, track.code, base, growth, GROWTH_NOISE, years), seasonOf(track.indicator));
      cityMonthly.set(track.code, values);
      addInto(group, values);
    }
    cityMonthly.set(model.xGroup.code, group);
  }
  for (const node of model.nodes) {
    const values = cityMonthly.get(node.code);
    if (values) series.push({ key: key(node.indicator, node.code, city, null, 'month'), observations: monthlyObservations(values, through) });
  }
  for (const industry of model.industries) {
    const grid = grids.get(industry.code) as IndustryGrid;
    for (const d of model.districts) {
      series.push({ key: key(industry.indicator, industry.code, d, null, 'month'), observations: monthlyObservations(grid.district.get(d) ?? zeros(years * 12), through) });
    }
  }
  for (const park of model.parks) {
    for (const industry of model.industries) {
      const values = grids.get(industry.code)?.park.get(park.code);
      if (values) series.push({ key: key(industry.indicator, industry.code, park.code, null, 'month'), observations: monthlyObservations(values, through) });
    }
  }

  const drafts = enterpriseDrafts(seed, model, grids, years);
  const list = enterprises(seed, drafts);
  drafts.forEach((d, i) => {
    series.push({ key: key(d.indicator, d.subField, d.park, list[i].creditCode, 'month'), observations: monthlyObservations(d.values, through) });
  });

  const path = (label: string, [base, growth, noise]: readonly [number, number, number]) => annualPath(seed, label, base, growth, noise, years);
  series.push({ key: key('gdp', null, city, null, 'quarter'), observations: quarterlyObservations(toQuarters(seed, 'gdp', path('gdp', MACRO.gdp)), through) });
  series.push({ key: key('value_added', 'gb.agg.sei', city, null, 'quarter'), observations: quarterlyObservations(toQuarters(seed, 'sei-va', path('sei-va', MACRO.seiValueAdded)), through) });
  series.push({ key: key('value_added', 'gb.agg.hitech-mfg', city, null, 'quarter'), observations: quarterlyObservations(toQuarters(seed, 'hitech-va', path('hitech-va', MACRO.hitechValueAdded)), through) });
  series.push({ key: key('industrial_va', null, city, null, 'month'), observations: monthlyObservations(toMonths(seed, 'industrial-va', path('industrial-va', MACRO.industrialVa), SEASON_OUTPUT), through) });
  series.push({ key: key('rd_expenditure', null, city, null, 'year'), observations: yearlyObservations(path('rd', MACRO.rdExpenditure), through) });
  series.push({ key: key('hnte_count', null, city, null, 'year'), observations: yearlyObservations(stepCounts(seed, 'hnte', COUNTS.hnte, years, true), through) });
  series.push({ key: key('national_platform_count', null, city, null, 'year'), observations: yearlyObservations(stepCounts(seed, 'platforms', COUNTS.nationalPlatforms, years), through) });
  series.push({ key: key('provincial_nri_count', null, city, null, 'year'), observations: yearlyObservations(stepCounts(seed, 'nri', COUNTS.provincialNri, years), through) });
  series.push({ key: key('hv_patents_per_10k', null, city, null, 'year'), observations: yearlyObservations(stepCounts(seed, 'hv-patents', COUNTS.hvPatentsHundredths, years), through, formatHundredths) });

  return { seed, through, enterprises: list, series };
}
