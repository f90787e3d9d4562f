/**
 * errors.csv: the rows of the uploaded file that have problems, as the file has them (so the clerk
 * can fix them in Excel and upload again), with the file's row number first and an 错误原因 column
 * last; problems of the whole file come first. Read again from the stored raw file, streamed.
 */
import type { UploadEncoding } from '@im/contracts';
import { CsvReader, DEFAULT_MAX_RECORD_CHARS, detectDelimiter } from '../csv/csv-reader';
import { decodeChunks } from '../decode/encoding';
import { BOM, csvRow } from './csv-escape';

export interface ErrorsCsvInput {
  open: () => AsyncIterable<Uint8Array>;
  encoding: UploadEncoding;
  headerRow: number | null;
  /** File row → reasons. */
  problems: ReadonlyMap<number, string[]>;
  /** Problems of the whole file. */
  fileProblems: string[];
}

export async function* errorsCsv(input: ErrorsCsvInput): AsyncGenerator<string> {
  yield BOM;
  let reader: CsvReader | null = null;
  let headerWidth = 0;
  let wroteHeader = false;
  const header = (cells: string[]) => {
    headerWidth = cells.length;
    wroteHeader = true;
    return csvRow(['原文件行号', ...cells, '错误原因']);
  };
  const fileLine = () => csvRow(['（整个文件）', ...new Array(headerWidth).fill(''), input.fileProblems.join('；')]);

  if (input.headerRow === null) {
    yield header([]);
    if (input.fileProblems.length) yield fileLine();
    return;
  }
  try {
    for await (const text of decodeChunks(input.open(), input.encoding)) {
      reader ??= new CsvReader({ delimiter: detectDelimiter(text.slice(0, 65536)), maxRecordChars: DEFAULT_MAX_RECORD_CHARS });
      for (const rec of reader.push(text)) {
        if (rec.row === input.headerRow) {
          yield header(rec.cells);
          if (input.fileProblems.length) yield fileLine();
          continue;
        }
        const reasons = input.problems.get(rec.row);
        if (reasons) yield csvRow([rec.row, ...padTo(rec.cells, headerWidth), reasons.join('；')]);
      }
      if (reader.halted) break;
    }
    for (const rec of reader?.end() ?? []) {
      const reasons = input.problems.get(rec.row);
      if (reasons) yield csvRow([rec.row, ...padTo(rec.cells, headerWidth), reasons.join('；')]);
    }
  } catch {
    // The raw file could not be read again in its encoding: the file-level problems say why.
  }
  if (!wroteHeader) {
    yield header([]);
    if (input.fileProblems.length) yield fileLine();
  }
}

function padTo(cells: string[], width: number): string[] {
  return cells.length >= width ? cells : [...cells, ...new Array(width - cells.length).fill('')];
}
