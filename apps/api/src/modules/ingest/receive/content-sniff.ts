/**
 * Is this a text (CSV) file? Decided from the first bytes, never from the name or the MIME type the
 * client sends: a spreadsheet renamed .csv, a ZIP, a PDF or an image is refused with a sentence
 * saying what it is and what to do instead.
 */

export type SniffResult =
  | { kind: 'text' }
  | { kind: 'empty' }
  /** Not a CSV: `what` names the format (Chinese), `hint` says what to do. */
  | { kind: 'binary'; what: string; hint: string };

const SAVE_AS_CSV = '请在 Excel 中用「文件 → 另存为 → CSV（逗号分隔）」保存后再上传';

const SIGNATURES: { bytes: number[]; what: string; hint: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'Excel 工作簿（.xlsx）或 ZIP 压缩文件', hint: SAVE_AS_CSV },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: '空的 ZIP 压缩文件', hint: SAVE_AS_CSV },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: '旧版 Excel 工作簿（.xls）或 Word 文档', hint: SAVE_AS_CSV },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件', hint: '请上传从统计系统或 Excel 导出的 CSV 文件' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片', hint: '请上传 CSV 文件，不要上传截图' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片', hint: '请上传 CSV 文件，不要上传截图' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片', hint: '请上传 CSV 文件' },
  { bytes: [0x1f, 0x8b], what: 'GZIP 压缩文件', hint: '请先解压，再上传其中的 CSV 文件' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩文件', hint: '请先解压，再上传其中的 CSV 文件' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7z 压缩文件', hint: '请先解压，再上传其中的 CSV 文件' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档', hint: SAVE_AS_CSV },
];

const UTF16 = { what: 'UTF-16 编码的文本（Excel「Unicode 文本」）', hint: '请另存为「CSV UTF-8（逗号分隔）」或「CSV（逗号分隔）」后上传' };

/** How many leading bytes {@link sniffContent} looks at. */
export const SNIFF_BYTES = 8192;

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}

/**
 * Classifies the first bytes (up to {@link SNIFF_BYTES}) of an upload. Text = no NUL byte and almost
 * no control characters other than tab, CR, LF (and form feed / escape, which some exports contain).
 */
export function sniffContent(head: Uint8Array): SniffResult {
  if (head.length === 0) return { kind: 'empty' };
  for (const s of SIGNATURES) if (startsWith(head, s.bytes)) return { kind: 'binary', what: s.what, hint: s.hint };
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return { kind: 'binary', ...UTF16 };
  const sample = head.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      // Every other byte NUL: UTF-16 without a BOM.
      const odd = sample.length > 3 && (sample[1] === 0 || sample[0] === 0) && (sample[3] === 0 || sample[2] === 0);
      return odd ? { kind: 'binary', ...UTF16 } : { kind: 'binary', what: '二进制文件（不是文本）', hint: SAVE_AS_CSV };
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (control > Math.max(2, sample.length / 100)) return { kind: 'binary', what: '二进制文件（不是文本）', hint: SAVE_AS_CSV };
  return { kind: 'text' };
}
