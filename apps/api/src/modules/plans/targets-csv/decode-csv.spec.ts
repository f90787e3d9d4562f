import { encode } from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { targetsCsvFixture } from '../../../../test/support/reference-index';
import { decodeCsv } from './decode-csv';

describe(decodeCsv.name, () => {
  it('reads UTF-8 with a BOM (Excel "CSV UTF-8") and drops the BOM', () => {
    const decoded = decodeCsv(targetsCsvFixture('ok/bom-crlf.csv'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(decoded.text.startsWith('plan_code,')).toBe(true);
    expect(decoded.text).toContain('战略性新兴产业增加值占地区生产总值比重');
  });

  it('reads UTF-8 without a BOM', () => {
    const decoded = decodeCsv(targetsCsvFixture('ok/two-targets.csv'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: false });
    expect(decoded.text).toContain('生物医药与健康产业总规模');
  });

  it('detects GBK (Excel on Chinese Windows) when the bytes are not UTF-8', () => {
    const decoded = decodeCsv(targetsCsvFixture('ok/gbk.csv'));
    expect(decoded).toMatchObject({ encoding: 'gbk', bom: false });
    expect(decoded.text).toContain('数字创意产业总规模');
    expect(decoded.text).toContain('文化创意产业营业收入');
  });

  it('decodes GB18030 characters outside GBK', () => {
    expect(decodeCsv(encode('名称\n𠀀甲', 'gb18030')).text).toBe('名称\n𠀀甲');
  });

  it('follows an explicit encoding', () => {
    const gbk = targetsCsvFixture('ok/gbk.csv');
    expect(decodeCsv(gbk, 'gbk').text).toContain('数字创意');
    expect(decodeCsv(gbk, 'utf-8')).toMatchObject({ encoding: 'utf-8' });
    expect(decodeCsv(gbk, 'utf-8').text).toContain('\uFFFD');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeCsv(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ text: '', encoding: 'utf-8', bom: true });
  });
});
