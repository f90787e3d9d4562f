import { describe, expect, it } from 'vitest';
import { csvRow } from './csv-escape';

describe(csvRow.name, () => {
  it('writes one CRLF line of defused, quoted cells; numbers and missing markers come back as they were', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
    expect(csvRow(['=HYPERLINK("http://x")', '-3.2', '-1,234.5', '+5%', '-', '集成电路'])).toBe(`"'=HYPERLINK(""http://x"")",-3.2,"-1,234.5",+5%,-,集成电路\r\n`);
    expect(csvRow(['@SUM(A1)', '-2+3', 'a\nb'])).toBe(`'@SUM(A1),'-2+3,"a\nb"\r\n`);
  });
});
