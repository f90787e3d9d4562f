import { describe, expect, it } from 'vitest';
import { csvField, safeFileName, tableToCsv, toCsv, UTF8_BOM } from './csv-export';

describe('csvField', () => {
  it('quotes fields holding commas, quotes or line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('集成电路')).toBe('集成电路');
  });

  it('defuses text a spreadsheet would run as a formula but leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('-3.2%')).toBe('-3.2%');
    expect(csvField('+1.2')).toBe('+1.2');
  });

  it('writes missing as an empty field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });
});

describe('toCsv', () => {
  it('joins lines with CRLF', () => {
    expect(toCsv([['a', 'b'], [1, null]])).toBe('a,b\r\n1,\r\n');
  });
});

describe('tableToCsv', () => {
  const table = {
    columns: [
      { key: 'period', label: '期间', align: 'left' as const },
      { key: 'ytd', label: '累计（亿元）', align: 'right' as const },
    ],
    rows: [
      { key: '2024-02', cells: { period: '2024年1-2月', ytd: '1234.57' } },
      { key: '2024-03', cells: { period: '2024年3月', ytd: '—' } },
    ],
  };

  it('starts with a BOM for Excel and writes missing values as empty cells', () => {
    expect(tableToCsv(table)).toBe(`${UTF8_BOM}期间,累计（亿元）\r\n2024年1-2月,1234.57\r\n2024年3月,\r\n`);
  });

  it('can leave the BOM out', () => {
    expect(tableToCsv(table, { bom: false }).startsWith('期间')).toBe(true);
  });
});

describe('safeFileName', () => {
  it('replaces characters Windows does not allow', () => {
    expect(safeFileName('集成电路/产值: 2024年*')).toBe('集成电路_产值_ 2024年_');
    expect(safeFileName('   ')).toBe('export');
  });
});
