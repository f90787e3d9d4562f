import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { seedsDir } from './seeds-dir';

/** The reference files in `seeds/reference/` (see seeds/README.md). */
export const REFERENCE_FILES = [
  'frameworks',
  'industries',
  'regions',
  'park-industries',
  'indicators',
  'plans',
  'targets',
] as const;

export type ReferenceFile = (typeof REFERENCE_FILES)[number];

/**
 * Reads `seeds/reference/<name>.csv` (UTF-8, with or without BOM, header row) into one object per row,
 * keyed by the header. Cells are strings; an empty cell means null. Throws on malformed CSV.
 */
export function readReferenceCsv(name: string): Record<string, string>[] {
  const file = name.endsWith('.csv') ? name : `${name}.csv`;
  if (!/^[a-z0-9-]+\.csv$/.test(file)) throw new Error(`invalid reference file name: ${name}`);
  const path = join(seedsDir(), 'reference', file);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`${file}: ${e.message}${e.row !== undefined ? ` (data row ${e.row + 1})` : ''}`);
  }
  return parsed.data;
}

/** An empty cell as null. */
export function cell(row: Record<string, string>, column: string): string | null {
  const v = row[column];
  return v === undefined || v === '' ? null : v;
}
