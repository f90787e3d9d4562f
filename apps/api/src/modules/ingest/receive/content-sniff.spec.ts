import { describe, expect, it } from 'vitest';
import { sniffContent } from './content-sniff';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe(sniffContent.name, () => {
  it('accepts CSV text in UTF-8, with a BOM, and GBK bytes', () => {
    expect(sniffContent(text('指标名称,计量单位,本月\r\n产值,亿元,1.2\n'))).toEqual({ kind: 'text' });
    expect(sniffContent(bytes(0xef, 0xbb, 0xbf, ...text('a,b\n')))).toEqual({ kind: 'text' });
    expect(sniffContent(bytes(0xd6, 0xb8, 0xb1, 0xea, 0x2c, 0x31, 0x0a))).toEqual({ kind: 'text' }); // 指标,1 in GBK
  });

  it('says an empty file is empty', () => {
    expect(sniffContent(new Uint8Array(0))).toEqual({ kind: 'empty' });
  });

  it.each([
    ['xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'xlsx'],
    ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'xls'],
    ['pdf', [...text('%PDF-1.7\n')], 'PDF'],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'PNG'],
    ['gzip', [0x1f, 0x8b, 0x08], 'GZIP'],
  ])('refuses a %s file whatever its name, saying what it is', (_name, head, word) => {
    const r = sniffContent(Uint8Array.from(head));
    expect(r.kind).toBe('binary');
    if (r.kind === 'binary') expect(r.what).toContain(word);
  });

  it('refuses UTF-16 text (Excel "Unicode text") with or without a BOM', () => {
    expect(sniffContent(bytes(0xff, 0xfe, 0x61, 0x00))).toMatchObject({ kind: 'binary', what: expect.stringContaining('UTF-16') });
    expect(sniffContent(bytes(0x61, 0x00, 0x2c, 0x00, 0x62, 0x00))).toMatchObject({ kind: 'binary', what: expect.stringContaining('UTF-16') });
  });

  it('refuses bytes full of control characters', () => {
    const junk = Uint8Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expect(sniffContent(junk).kind).toBe('binary');
  });
});
