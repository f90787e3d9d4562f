import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, escapeFormula } from './csv-escape';

describe(escapeFormula.name, () => {
  it('neutralises formulas and leaves numbers and missing markers as they were', () => {
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(escapeFormula('+cmd|calc')).toBe(`'+cmd|calc`);
    expect(escapeFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(escapeFormula('-2+3')).toBe(`'-2+3`);
    expect(escapeFormula('\tx')).toBe(`'\tx`);
    expect(escapeFormula('-3.2')).toBe('-3.2');
    expect(escapeFormula('-1,234.5')).toBe('-1,234.5');
    expect(escapeFormula('+5%')).toBe('+5%');
    expect(escapeFormula('-')).toBe('-');
    expect(escapeFormula('集成电路')).toBe('集成电路');
  });
});

describe(csvCell.name, () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('1,234')).toBe('"1,234"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});
