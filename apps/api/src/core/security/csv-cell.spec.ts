import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvLine, escapeCellText, isDangerousText } from './csv-cell';

describe('escapeCellText', () => {
  it.each(['=1+1', '+86 592', '-2+3', '@SUM(A1)', '\tcmd', '\rx', '\nx', '=HYPERLINK("http://evil","点击")'])('neutralises the text %j with a leading apostrophe', (text) => {
    expect(escapeCellText(text)).toBe(`'${text}`);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(escapeCellText(-3.2)).toBe('-3.2');
    expect(escapeCellText(0)).toBe('0');
    expect(escapeCellText(12345.6789)).toBe('12345.6789');
  });

  it('writes missing values as empty cells, never as 0', () => {
    expect(escapeCellText(null)).toBe('');
    expect(escapeCellText(undefined)).toBe('');
    expect(escapeCellText(Number.NaN)).toBe('');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeCellText('集成电路')).toBe('集成电路');
    expect(escapeCellText("'already")).toBe("'already");
    expect(escapeCellText('')).toBe('');
  });

  it('never leaves a dangerous first character in any text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => !isDangerousText(escapeCellText(s))));
  });
});

describe('csvField', () => {
  it('quotes separators, quotes and line breaks after escaping', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('csvLine and csvDocument', () => {
  it('writes a BOM, CRLF line ends, text escaped and numbers plain', () => {
    expect(csvLine(['=cmd', -1.5, null, '厦门'])).toBe("'=cmd,-1.5,,厦门");
    const doc = csvDocument(['名称', '值'], [['-危险', -2], ['正常', 3]]);
    expect(doc).toBe("\uFEFF名称,值\r\n'-危险,-2\r\n正常,3\r\n");
  });
});
