import * as fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvReader, detectDelimiter, type CsvRecord } from './csv-reader';

function readAll(chunks: string[], maxRecordChars = 1_000_000): { records: CsvRecord[]; reader: CsvReader } {
  const reader = new CsvReader({ delimiter: ',', maxRecordChars });
  const records: CsvRecord[] = [];
  for (const c of chunks) records.push(...reader.push(c));
  records.push(...reader.end());
  return { records, reader };
}

function split(text: string, cuts: number[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut > start && cut < text.length) {
      out.push(text.slice(start, cut));
      start = cut;
    }
  }
  out.push(text.slice(start));
  return out;
}

describe(CsvReader.name, () => {
  it('numbers rows like a spreadsheet: blank lines count, a quoted line break stays in its row', () => {
    const { records } = readAll(['标题\n\n指标名称,本月\n"集成\n电路",1\n产值,2\n']);
    expect(records.map((r) => [r.row, r.cells])).toEqual([
      [1, ['标题']],
      [2, ['']],
      [3, ['指标名称', '本月']],
      [4, ['集成\n电路', '1']],
      [5, ['产值', '2']],
    ]);
  });

  it('reads CR LF, CR and LF, even when a CR LF is cut by a chunk boundary', () => {
    const { records } = readAll(['a,b\r', '\nc,d\re,f\r\n', 'g,h']);
    expect(records.map((r) => r.cells)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('gives the same records as parsing the whole text at once, whatever the chunks (property)', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', '1', '厦', ' ', '.', '-'), maxLength: 6 }),
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '厦'), maxLength: 6 }).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(120), { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (lines, cuts, nl) => {
        const text = lines.join(nl) + nl;
        const whole = (Papa.parse(text.replace(/\r\n/g, '\n'), { newline: '\n', delimiter: ',' }).data as string[][]).filter(
          (r, i, all) => !(i === all.length - 1 && r.length === 1 && r[0] === ''),
        );
        const { records } = readAll(split(text, cuts));
        expect(records.map((r) => r.cells)).toEqual(whole);
        expect(records.map((r) => r.row)).toEqual(whole.map((_, i) => i + 1));
      }),
      { numRuns: 400 },
    );
  });

  it('reports a malformed quote with its row and an unterminated quote at the end of the file', () => {
    const malformed = readAll(['a,b\n"x"y,1\nc,d\n']);
    expect(malformed.reader.problems).toContainEqual({ row: 2, kind: 'quotes' });
    const unclosed = readAll(['a,b\n', 'c,"unclosed\nd,e\n']);
    expect(unclosed.reader.problems).toEqual([{ row: 2, kind: 'unterminated' }]);
    expect(unclosed.records.map((r) => r.row)).toEqual([1, 2]);
    expect(unclosed.reader.endedWithNewline).toBe(false);
  });

  it('stops on a record longer than the limit instead of buffering the rest of the file', () => {
    const reader = new CsvReader({ delimiter: ',', maxRecordChars: 100 });
    expect(reader.push('a,b\n"')).toHaveLength(1);
    reader.push('x'.repeat(200));
    expect(reader.halted).toBe(true);
    expect(reader.problems).toEqual([{ row: 2, kind: 'too_long' }]);
    expect(reader.push('more\n')).toEqual([]);
    expect(reader.end()).toEqual([]);
  });

  it('knows whether the file ended with a line break', () => {
    expect(readAll(['a,b\n']).reader.endedWithNewline).toBe(true);
    expect(readAll(['a,b\nc']).reader.endedWithNewline).toBe(false);
  });
});

describe(detectDelimiter.name, () => {
  it('prefers the comma, recognises tab- and semicolon-separated text', () => {
    expect(detectDelimiter('标题\n期间,产业,本月\n2024-01,a,1')).toBe(',');
    expect(detectDelimiter('期间\t产业\t本月\n2024-01\ta\t1')).toBe('\t');
    expect(detectDelimiter('期间;产业;本月\n2024-01;a;1,5')).toBe(';');
    expect(detectDelimiter('')).toBe(',');
  });
});
