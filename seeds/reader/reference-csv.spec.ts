import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readReferenceCsv, REFERENCE_FILES } from './reference-csv';
import { seedsDir } from './seeds-dir';

function fakeSeeds(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'seeds-')), 'seeds');
  mkdirSync(join(dir, 'reference'), { recursive: true });
  writeFileSync(join(dir, 'reference', 'industries.csv'), 'code\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'reference', name), text);
  return dir;
}

describe(seedsDir.name, () => {
  const saved = process.env.SEEDS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.SEEDS_DIR;
    else process.env.SEEDS_DIR = saved;
  });

  it('finds seeds/ from the repository root (the cwd of the tests and of the API)', () => {
    delete process.env.SEEDS_DIR;
    expect(seedsDir()).toBe(resolve(process.cwd(), 'seeds'));
  });

  it('uses SEEDS_DIR when set', () => {
    const dir = fakeSeeds({});
    process.env.SEEDS_DIR = dir;
    expect(seedsDir()).toBe(dir);
  });

  it('rejects a SEEDS_DIR without reference files', () => {
    process.env.SEEDS_DIR = tmpdir();
    expect(() => seedsDir()).toThrow(/SEEDS_DIR/);
  });
});

describe(readReferenceCsv.name, () => {
  const saved = process.env.SEEDS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.SEEDS_DIR;
    else process.env.SEEDS_DIR = saved;
  });

  it('reads every reference file with or without the .csv extension', () => {
    for (const name of REFERENCE_FILES) {
      const rows = readReferenceCsv(name);
      expect(rows.length).toBeGreaterThan(0);
      expect(readReferenceCsv(`${name}.csv`)).toEqual(rows);
    }
  });

  it('tolerates a UTF-8 BOM and keeps quoted commas, quotes and empty cells', () => {
    process.env.SEEDS_DIR = fakeSeeds({ 'sample.csv': '\uFEFFcode,name,note\r\na,"甲,乙","说""明"\r\nb,丙,\r\n' });
    expect(readReferenceCsv('sample')).toEqual([
      { code: 'a', name: '甲,乙', note: '说"明' },
      { code: 'b', name: '丙', note: '' },
    ]);
  });

  it('rejects malformed CSV and names that are not plain file names', () => {
    process.env.SEEDS_DIR = fakeSeeds({ 'bad.csv': 'code,name\na,"unterminated\n' });
    expect(() => readReferenceCsv('bad')).toThrow(/bad\.csv/);
    expect(() => readReferenceCsv('../package')).toThrow(/invalid reference file name/);
  });
});
