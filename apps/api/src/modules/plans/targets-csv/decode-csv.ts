import { decode as iconvDecode } from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'gbk';
/** `auto` (default): UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise GBK. */
export type CsvEncodingOption = 'auto' | CsvEncoding;

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** The file started with a UTF-8 byte order mark (removed from `text`). */
  bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
}

/**
 * Bytes of an uploaded CSV to text. Excel on Chinese Windows saves "CSV" as GBK, "CSV UTF-8" with a
 * BOM; other tools write UTF-8 without one. Valid UTF-8 is taken as UTF-8 (GBK text with Chinese
 * characters is practically never valid UTF-8); anything else is decoded as GB18030, the superset of
 * GBK. `encoding` forces one.
 */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncodingOption = 'auto'): DecodedCsv {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === 'gbk') return { text: iconvDecode(Buffer.from(body), 'gb18030'), encoding: 'gbk', bom };
  if (encoding === 'utf-8' || bom) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom: false };
  } catch {
    return { text: iconvDecode(Buffer.from(body), 'gb18030'), encoding: 'gbk', bom: false };
  }
}
