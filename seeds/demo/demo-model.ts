import { cell, readReferenceCsv } from '../reader/reference-csv';
import { INDUSTRIES, X_GROUP } from './calibration';

export interface DemoNode {
  code: string;
  indicator: string;
  /** Code without the parent's prefix, e.g. `ic` for `sei.ngit.ic` (keys of the calibration). */
  suffix: string;
}

export interface DemoIndustry extends DemoNode {
  subFields: DemoNode[];
}

export interface DemoPark {
  code: string;
  district: string;
  /** Sub-fields of the 5 industries this park carries (a park carrying a whole industry carries all of its sub-fields). */
  subFields: Set<string>;
  /** The sub-fields park-industries.csv names for this park (not only through their industry). */
  namedSubFields: Set<string>;
}

/** What the generator needs from seeds/reference/*.csv. */
export interface DemoModel {
  city: string;
  /** All `xm-sei-5x` nodes in file order. */
  nodes: DemoNode[];
  /** The 5 industries (top-level nodes except the X group), with their sub-fields. */
  industries: DemoIndustry[];
  /** The X group and its tracks, when present. */
  xGroup: DemoIndustry | null;
  districts: string[];
  parks: DemoPark[];
}

const FRAMEWORK = 'xm-sei-5x';

function required(row: Record<string, string>, column: string, file: string): string {
  const v = cell(row, column);
  if (v === null) throw new Error(`${file}: ${column} is empty (row ${JSON.stringify(row)})`);
  return v;
}

export function loadDemoModel(): DemoModel {
  const rows = readReferenceCsv('industries').filter((r) => r.framework_code === FRAMEWORK);
  const nodes: DemoNode[] = [];
  const tops: DemoIndustry[] = [];
  const byCode = new Map<string, DemoIndustry>();
  for (const r of rows) {
    const code = required(r, 'code', 'industries.csv');
    const indicator = required(r, 'indicator_code', 'industries.csv');
    const parent = cell(r, 'parent_code');
    const suffix = parent ? code.slice(parent.length + 1) : code;
    nodes.push({ code, indicator, suffix });
    if (parent === null) {
      const top: DemoIndustry = { code, indicator, suffix, subFields: [] };
      tops.push(top);
      byCode.set(code, top);
    } else {
      const top = byCode.get(parent);
      if (!top) throw new Error(`industries.csv: ${code} has parent ${parent}, not a top-level ${FRAMEWORK} node listed before it`);
      top.subFields.push({ code, indicator, suffix });
    }
  }
  const industries = tops.filter((t) => t.code !== X_GROUP);
  for (const i of industries) {
    if (!INDUSTRIES[i.code]) throw new Error(`demo calibration has no entry for industry ${i.code}`);
    if (i.subFields.length === 0) throw new Error(`industry ${i.code} has no sub-fields`);
  }
  const xGroup = tops.find((t) => t.code === X_GROUP) ?? null;

  const regions = readReferenceCsv('regions');
  const city = regions.find((r) => r.type === 'city');
  if (!city) throw new Error('regions.csv: no city');
  const districts = regions.filter((r) => r.type === 'district').map((r) => r.code);
  const subOf = new Map<string, string[]>();
  for (const i of industries) {
    subOf.set(i.code, i.subFields.map((s) => s.code));
    for (const s of i.subFields) subOf.set(s.code, [s.code]);
  }
  const parks: DemoPark[] = regions
    .filter((r) => r.type === 'park')
    .map((r) => ({ code: r.code, district: required(r, 'parent_code', 'regions.csv'), subFields: new Set<string>(), namedSubFields: new Set<string>() }));
  const parkByCode = new Map(parks.map((p) => [p.code, p]));
  for (const r of readReferenceCsv('park-industries')) {
    const park = parkByCode.get(r.park_code);
    if (!park) throw new Error(`park-industries.csv: unknown park ${r.park_code}`);
    for (const s of subOf.get(r.industry_code) ?? []) park.subFields.add(s);
    if (subOf.has(r.industry_code) && !industries.some((i) => i.code === r.industry_code)) park.namedSubFields.add(r.industry_code);
  }
  for (const p of parks) {
    if (!districts.includes(p.district)) throw new Error(`regions.csv: park ${p.code} has parent ${p.district}, not a district`);
  }
  return { city: city.code, nodes, industries, xGroup, districts, parks };
}
