import { isValidCreditCode } from '@im/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReferenceCsv } from '../reader/reference-csv';
import type { DemoDataset, DemoObservation, DemoSeries } from './demo-data.types';
import { generateDemoData } from './generate-demo-data';

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const throughArb = fc.record({ year: fc.integer({ min: 2020, max: 2030 }), month: fc.integer({ min: 1, max: 12 }) });
const RUNS = { numRuns: 12 };

const industries = readReferenceCsv('industries').filter((r) => r.framework_code === 'xm-sei-5x');
const FIVE = industries.filter((r) => !r.parent_code && r.code !== 'sei.x').map((r) => r.code);
const childrenOf = (code: string) => industries.filter((r) => r.parent_code === code).map((r) => r.code);
const parentOf = new Map(industries.map((r) => [r.code, r.parent_code]));
const regions = readReferenceCsv('regions');
const DISTRICTS = regions.filter((r) => r.type === 'district').map((r) => r.code);
const districtOf = new Map(regions.filter((r) => r.type === 'park').map((r) => [r.code, r.parent_code]));
const parkIndustries = readReferenceCsv('park-industries');

const keyOf = (s: DemoSeries) => `${s.key.indicator}|${s.key.industry}|${s.key.region}|${s.key.enterprise}|${s.key.granularity}`;

function index(ds: DemoDataset) {
  const plain = ds.series.filter((s) => s.key.enterprise === null);
  const find = (industry: string, region: string) => {
    const s = plain.find((x) => x.key.industry === industry && x.key.region === region && x.key.granularity === 'month');
    if (!s) throw new Error(`no series ${industry} @ ${region}`);
    return s;
  };
  return { plain, find };
}

const num = (v: string | null) => (v === null ? null : Number(v));
const fields = ['valueMonth', 'valueYtd'] as const;

/** Parent observations equal the exact sum of the children's, period by period (mismatches listed). */
function expectSum(parent: DemoSeries, children: DemoSeries[], label: string) {
  expect(children.length, label).toBeGreaterThan(0);
  const bad: string[] = [];
  parent.observations.forEach((o, i) => {
    for (const f of fields) {
      const sum = children.reduce<number | null>((acc, c) => {
        const v = num(c.observations[i][f]);
        return acc === null || v === null ? null : acc + v;
      }, 0);
      if (num(o[f]) !== sum) bad.push(`${o.year}-${o.month} ${f}: ${o[f]} ≠ Σ ${sum}`);
    }
  });
  expect(bad, label).toEqual([]);
}

/** The children's sum never exceeds the parent, period by period (excesses listed). */
function expectAtMost(parent: DemoSeries, children: DemoSeries[], label: string) {
  const bad: string[] = [];
  parent.observations.forEach((o, i) => {
    for (const f of fields) {
      const p = num(o[f]);
      if (p === null) continue;
      const sum = children.reduce((acc, c) => acc + (num(c.observations[i][f]) ?? 0), 0);
      if (sum > p) bad.push(`${o.year}-${o.month} ${f}: Σ ${sum} > ${p}`);
    }
  });
  expect(bad, label).toEqual([]);
}

describe(generateDemoData.name, () => {
  it('sub-fields sum to their industry and districts to the city, exactly (5 industries and the X group)', () => {
    fc.assert(
      fc.property(seedArb, throughArb, (seed, through) => {
        const ds = generateDemoData({ seed, through });
        const { find } = index(ds);
        for (const code of [...FIVE, 'sei.x']) expectSum(find(code, 'xm'), childrenOf(code).map((c) => find(c, 'xm')), code);
        for (const code of FIVE) expectSum(find(code, 'xm'), DISTRICTS.map((d) => find(code, d)), `${code} by district`);
      }),
      RUNS,
    );
  });

  it('parks of a district stay within the district, key enterprises within their park and sub-field', () => {
    fc.assert(
      fc.property(seedArb, throughArb, (seed, through) => {
        const ds = generateDemoData({ seed, through });
        const { plain, find } = index(ds);
        const parkSeries = plain.filter((s) => districtOf.has(s.key.region));
        for (const code of FIVE)
          for (const d of DISTRICTS) {
            const parks = parkSeries.filter((s) => s.key.industry === code && districtOf.get(s.key.region) === d);
            expectAtMost(find(code, d), parks, `${code} parks of ${d}`);
          }
        const firms = ds.series.filter((s) => s.key.enterprise !== null);
        const groups = new Map<string, DemoSeries[]>();
        for (const f of firms) {
          const k = `${f.key.region}|${parentOf.get(f.key.industry ?? '')}`;
          groups.set(k, [...(groups.get(k) ?? []), f]);
        }
        for (const [k, members] of groups) {
          const [park, industry] = k.split('|');
          expectAtMost(find(industry, park), members, `enterprises of ${k}`);
        }
        const bySub = new Map<string, DemoSeries[]>();
        for (const f of firms) bySub.set(f.key.industry ?? '', [...(bySub.get(f.key.industry ?? '') ?? []), f]);
        for (const [sub, members] of bySub) expectAtMost(find(sub, 'xm'), members, `enterprises of ${sub}`);
      }),
      RUNS,
    );
  });

  it('monthly series: 1–2月 merged at month 2, no month 1, YTD = sum of the months, consecutive to `through`', () => {
    fc.assert(
      fc.property(seedArb, throughArb, (seed, through) => {
        const ds = generateDemoData({ seed, through });
        const expected: string[] = [];
        for (let y = 2020; y <= through.year; y++)
          for (let m = 2; m <= 12; m++) if (y < through.year || m <= through.month) expected.push(`${y}-${m}`);
        for (const s of ds.series.filter((x) => x.key.granularity === 'month')) {
          expect(s.observations.map((o) => `${o.year}-${o.month}`), keyOf(s)).toEqual(expected);
          let running = 0;
          const bad: string[] = [];
          for (const o of s.observations) {
            if (o.month === 2) {
              if (!o.mergedJanFeb || o.valueMonth !== null || o.yoyMonthPct !== null) bad.push(`${o.year}-2 not merged`);
              running = Number(o.valueYtd);
            } else {
              if (o.mergedJanFeb) bad.push(`${o.year}-${o.month} flagged merged`);
              running += Number(o.valueMonth);
            }
            if (Number(o.valueYtd) !== running) bad.push(`${o.year}-${o.month}: YTD ${o.valueYtd} ≠ Σ months ${running}`);
          }
          expect(bad, keyOf(s)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('2020 annual totals equal the 004 baselines (1 亿元 = 10 000 万元)', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 2020, max: 2030 }), (seed, year) => {
        const ds = generateDemoData({ seed, through: { year, month: 12 } });
        const { find } = index(ds);
        const dec2020 = (code: string) => find(code, 'xm').observations.find((o) => o.year === 2020 && o.month === 12)?.valueYtd;
        expect(dec2020('sei.ngit')).toBe('46880000');
        expect(dec2020('sei.bio')).toBe('7760000');
        expect(dec2020('sei.nmne')).toBe('8790000');
        expect(dec2020('sei.dc')).toBe('14500000');
        expect(dec2020('sei.marine')).toBe('13800000');
        const hnte = ds.series.find((s) => s.key.indicator === 'hnte_count');
        expect(hnte?.observations[0]).toMatchObject({ year: 2020, month: 12, valueYtd: '2282' });
        expect(find('sei.dc', 'xm').key.indicator).toBe('revenue');
      }),
      RUNS,
    );
  });

  it('enterprises: ~300, valid unique credit codes, fictional unique names, a park that carries their industry', () => {
    const carries = (park: string, sub: string) =>
      parkIndustries.some((r) => r.park_code === park && (r.industry_code === sub || r.industry_code === parentOf.get(sub)));
    fc.assert(
      fc.property(seedArb, (seed) => {
        const ds = generateDemoData({ seed, through: { year: 2021, month: 3 } });
        expect(ds.enterprises).toHaveLength(300);
        expect(new Set(ds.enterprises.map((e) => e.creditCode)).size).toBe(300);
        expect(new Set(ds.enterprises.map((e) => e.name)).size).toBe(300);
        for (const e of ds.enterprises) {
          expect(isValidCreditCode(e.creditCode), e.creditCode).toBe(true);
          expect(e.creditCode).toMatch(/^913502/);
          expect(e.name).toContain('示例');
          expect(e.industryCodes).toHaveLength(1);
          expect(FIVE).toContain(parentOf.get(e.industryCodes[0]));
          expect(carries(e.parkCode, e.industryCodes[0]), `${e.parkCode} ${e.industryCodes[0]}`).toBe(true);
          const series = ds.series.filter((s) => s.key.enterprise === e.creditCode);
          expect(series).toHaveLength(1);
          expect(series[0].key).toMatchObject({ industry: e.industryCodes[0], region: e.parkCode, granularity: 'month' });
        }
        expect(ds.enterprises.filter((e) => e.chainLeader)).toHaveLength(FIVE.length);
      }),
      { numRuns: 5 },
    );
  });

  it('is deterministic, and a later `through` only adds observations', () => {
    fc.assert(
      fc.property(seedArb, throughArb, throughArb, (seed, a, b) => {
        const [early, late] = a.year * 12 + a.month <= b.year * 12 + b.month ? [a, b] : [b, a];
        const x = generateDemoData({ seed, through: early });
        expect(JSON.stringify(generateDemoData({ seed, through: early }))).toBe(JSON.stringify(x));
        const y = generateDemoData({ seed, through: late });
        expect(y.enterprises).toEqual(x.enterprises);
        expect(y.series.map(keyOf)).toEqual(x.series.map(keyOf));
        x.series.forEach((s, i) => expect(y.series[i].observations.slice(0, s.observations.length)).toEqual(s.observations));
      }),
      { numRuns: 6 },
    );
  });

  it('uses the default seed when none is given and differs between seeds', () => {
    const through = { year: 2022, month: 6 };
    const d = generateDemoData({ through });
    expect(d.seed).toBe(20211);
    expect(d.through).toEqual(through);
    expect(JSON.stringify(generateDemoData({ through, seed: 1 }).series)).not.toBe(JSON.stringify(d.series));
  });

  it('values are decimal strings with at most 4 decimals; YoY has 2 decimals and is null in 2020', () => {
    const ds = generateDemoData({ through: { year: 2023, month: 7 } });
    const value = /^-?\d+(\.\d{1,4})?$/;
    const pct = /^-?\d+\.\d{2}$/;
    const check = (o: DemoObservation) => {
      for (const v of [o.valueMonth, o.valueYtd]) if (v !== null) expect(v).toMatch(value);
      for (const v of [o.yoyMonthPct, o.yoyYtdPct]) if (v !== null) expect(v).toMatch(pct);
      if (o.year === 2020) expect(o.yoyMonthPct ?? o.yoyYtdPct).toBeNull();
    };
    for (const s of ds.series) s.observations.forEach(check);
  });

  it('quarterly series are YTD at months 3/6/9/12 and annual series at month 12', () => {
    const ds = generateDemoData({ through: { year: 2024, month: 8 } });
    for (const s of ds.series.filter((x) => x.key.granularity === 'quarter')) {
      expect(s.observations.map((o) => o.month)).toEqual([3, 6, 9, 12, 3, 6, 9, 12, 3, 6, 9, 12, 3, 6, 9, 12, 3, 6]);
      const ytd = s.observations.map((o) => Number(o.valueYtd));
      for (let i = 1; i < ytd.length; i++) if (s.observations[i].month !== 3) expect(ytd[i]).toBeGreaterThan(ytd[i - 1]);
    }
    for (const s of ds.series.filter((x) => x.key.granularity === 'year')) {
      expect(s.observations.map((o) => `${o.year}-${o.month}`)).toEqual(['2020-12', '2021-12', '2022-12', '2023-12']);
      for (const o of s.observations) expect(o.valueMonth).toBe(o.valueYtd);
    }
  });

  it('every target of targets.csv has numerator and denominator data in its target year', () => {
    const ds = generateDemoData({ through: { year: 2025, month: 12 } });
    const has = (indicator: string, industry: string | null, region: string, year: number) =>
      ds.series.some(
        (s) =>
          s.key.indicator === indicator &&
          s.key.industry === industry &&
          s.key.region === region &&
          s.key.enterprise === null &&
          s.observations.some((o) => o.year === year && o.month === 12 && o.valueYtd !== null),
      );
    for (const t of readReferenceCsv('targets')) {
      const year = Number(t.target_year);
      expect(has(t.indicator_code, t.industry_code || null, t.region_code, year), t.code).toBe(true);
      if (t.kind === 'share') expect(has(t.denominator_indicator_code, t.denominator_industry_code || null, t.denominator_region_code, year), t.code).toBe(true);
    }
  });

  it('with the default seed, some 2025 targets are met and others missed', () => {
    const ds = generateDemoData({ through: { year: 2025, month: 12 } });
    const annual = (indicator: string, industry: string | null) =>
      Number(ds.series.find((s) => s.key.indicator === indicator && s.key.industry === industry && s.key.region === 'xm' && s.key.enterprise === null)?.observations.find((o) => o.year === 2025 && o.month === 12)?.valueYtd);
    const met = readReferenceCsv('targets').map((t) => {
      const target = Number(t.target_value);
      let actual: number;
      if (t.kind === 'share') actual = (annual(t.indicator_code, t.industry_code || null) / annual(t.denominator_indicator_code, t.denominator_industry_code || null)) * 100;
      else actual = annual(t.indicator_code, t.industry_code || null) / (t.unit === '亿元' ? 10_000 : 1);
      return t.comparator === 'gt' ? actual > target : actual >= target;
    });
    expect(met.filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(met.filter((m) => !m).length).toBeGreaterThanOrEqual(3);
  });

  it('rejects an invalid `through` or seed', () => {
    expect(() => generateDemoData({ through: { year: 2019, month: 12 } })).toThrow(RangeError);
    expect(() => generateDemoData({ through: { year: 2024, month: 13 } })).toThrow(RangeError);
    expect(() => generateDemoData({ through: { year: 2024, month: 0 } })).toThrow(RangeError);
    expect(() => generateDemoData({ through: { year: 2051, month: 1 } })).toThrow(RangeError);
    expect(() => generateDemoData({ through: { year: 2024, month: 1 }, seed: 1.5 })).toThrow(RangeError);
  });
});
