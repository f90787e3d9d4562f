import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, defuseCell, quoteCsvField, undefuseCell } from './csv-cell';

describe('defuseCell', () => {
  it('prefixes text a spreadsheet would run as a formula with an apostrophe', () => {
    for (const text of ['=1+1', '=HYPERLINK("http://x")', '+86 592', '+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\t-3', '\rx', '\nx']) expect(defuseCell(text)).toBe(`'${text}`);
    expect(defuseCell("'quoted")).toBe("''quoted");
  });

  it('leaves other text, plain numbers and missing markers as they are', () => {
    for (const text of ['生物医药', 'a=b', '1-2月', '', '-5', '-3.2', '-1,234.5', '+5%', '12.5%', '-', '—', '−']) expect(defuseCell(text)).toBe(text);
  });

  it('is undone by undefuseCell for every text', () => {
    fc.assert(fc.property(fc.string(), (s) => undefuseCell(defuseCell(s)) === s));
  });

  it('never leaves a dangerous first character on a text that is not a plain number or a missing marker', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = defuseCell(s);
        return !/^[=+@\t\r\n]/.test(out) || /^[+-]?[\d,.]+%?$/.test(out);
      }),
    );
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, and writes numbers and missing values plainly', () => {
    expect(quoteCsvField('abc')).toBe('abc');
    expect(csvField('1,234')).toBe('"1,234"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3.2)).toBe('-3.2');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
});
