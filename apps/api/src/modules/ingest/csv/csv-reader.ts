/**
 * Incremental CSV reading: text chunks in (already decoded), complete records out, numbered as a
 * spreadsheet numbers its rows (1 = first record; a quoted cell spanning lines stays one row; blank
 * lines count). Uses papaparse's parser on each chunk plus the unfinished tail of the previous one,
 * the way papaparse's own streamers do, but driven by the caller (pull-based), so the caller's
 * source is never read ahead of what has been processed. CR LF, CR and LF line ends may be mixed.
 */
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based row number in the file. */
  row: number;
  cells: string[];
}

export type CsvProblemKind = 'quotes' | 'unterminated' | 'too_long';

export interface CsvProblem {
  row: number;
  kind: CsvProblemKind;
}

export interface CsvReaderOptions {
  delimiter: string;
  /** A record longer than this (characters) stops the reading: an unclosed quote swallowing the file, or not a table. */
  maxRecordChars: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;

interface PapaResult {
  data: string[][];
  errors: { code: string; row: number }[];
  meta: { cursor: number };
}

/** Guesses the delimiter from the first lines: comma unless tabs or semicolons clearly dominate. */
export function detectDelimiter(sample: string): string {
  const lines = sample.split(/\r\n|\r|\n/).slice(0, 30);
  const score = (d: string) => lines.reduce((n, l) => n + (l.split(d).length - 1 > 0 ? 1 : 0), 0);
  const candidates = [',', '\t', ';'].map((d) => ({ d, s: score(d) }));
  const best = candidates.reduce((a, b) => (b.s > a.s ? b : a));
  return best.s > candidates[0].s ? best.d : ',';
}

export class CsvReader {
  private readonly parser: { parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult };
  private partial = '';
  private pendingCr = false;
  private rows = 0;
  private stopped = false;
  readonly problems: CsvProblem[] = [];
  /** Whether the last record of the file ended with a line break (false suggests a truncated file). */
  endedWithNewline = true;

  constructor(private readonly options: CsvReaderOptions) {
    this.parser = new Papa.Parser({ delimiter: options.delimiter, newline: '\n', quoteChar: '"', escapeChar: '"' }) as never;
  }

  /** True after a record exceeded the length limit: nothing more is read. */
  get halted(): boolean {
    return this.stopped;
  }

  /** Records completed by this chunk. */
  push(chunk: string): CsvRecord[] {
    if (this.stopped || chunk === '') return [];
    let text = chunk;
    if (this.pendingCr) {
      text = text.startsWith('\n') ? text.slice(1) : text;
      this.pendingCr = false;
    }
    if (text.endsWith('\r')) {
      this.pendingCr = true;
      text = `${text.slice(0, -1)}\n`;
    }
    const input = this.partial + text.replace(/\r\n?/g, '\n');
    const result = this.parser.parse(input, 0, true);
    this.partial = input.slice(result.meta.cursor);
    const records = this.collect(result);
    if (this.partial.length > this.options.maxRecordChars) {
      this.problems.push({ row: this.rows + 1, kind: 'too_long' });
      this.partial = '';
      this.stopped = true;
    }
    return records;
  }

  /** The last record (when the file does not end with a line break). */
  end(): CsvRecord[] {
    if (this.stopped) return [];
    const input = this.partial;
    this.partial = '';
    if (input === '') return [];
    this.endedWithNewline = false;
    return this.collect(this.parser.parse(input, 0, false));
  }

  private collect(result: PapaResult): CsvRecord[] {
    const base = this.rows;
    const seen = new Set<string>();
    for (const e of result.errors) {
      // Errors of the unfinished tail are reported again when the tail is parsed whole.
      if (e.row >= result.data.length) continue;
      const problem: CsvProblem = { row: base + e.row + 1, kind: e.code === 'MissingQuotes' ? 'unterminated' : 'quotes' };
      const key = `${problem.row}|${problem.kind}`;
      if (!seen.has(key)) this.problems.push(problem);
      seen.add(key);
    }
    const out: CsvRecord[] = new Array(result.data.length);
    for (let i = 0; i < result.data.length; i++) out[i] = { row: base + i + 1, cells: result.data[i] };
    this.rows += result.data.length;
    return out;
  }
}
