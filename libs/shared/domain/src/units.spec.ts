import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toDecimalString } from './decimal';
import {
  type AmountUnit,
  convertAmount,
  convertAmountExact,
  detectUnit,
  formatAmount,
  formatPercent,
  formatPercentagePoints,
  parseNumberCell,
  ppDifference,
} from './units';

const unit = fc.constantFrom<AmountUnit>('元', '千元', '万元', '亿元');
/** Amounts as stored: up to 12 integer digits and 4 decimals (DECIMAL(16,4)-like). */
const storedAmount = fc.tuple(fc.integer({ min: -(10 ** 9), max: 10 ** 9 }), fc.integer({ min: 0, max: 9999 })).map(([i, f]) => `${i}.${String(f).padStart(4, '0')}`);

function numberOf(text: string): number {
  const cell = parseNumberCell(text);
  if (cell.kind !== 'number') throw new Error(`${text}: ${JSON.stringify(cell)}`);
  return cell.value;
}

describe(convertAmount.name, () => {
  it('converts between 元, 万元 and 亿元 without floating noise', () => {
    expect(convertAmount(12345678, '万元', '亿元')).toBe(1234.5678);
    expect(convertAmount(0.07, '万元', '元')).toBe(700);
    expect(0.07 * 10000).not.toBe(700);
    expect(1.15 * 1e8).not.toBe(115000000);
    expect(convertAmount(1.15, '亿元', '元')).toBe(115000000);
    expect(convertAmount('0.3', '万元', '元')).toBe(3000);
    expect(convertAmount(5000, '千元', '万元')).toBe(500);
    expect(convertAmountExact('776', '亿元', '万元')).toBe('7760000');
  });

  it('round-trips exactly between any two units', () => {
    fc.assert(
      fc.property(storedAmount, unit, unit, (value, from, to) => {
        expect(convertAmountExact(convertAmountExact(value, from, to), to, from)).toBe(toDecimalString(value));
        expect(convertAmount(convertAmount(value, from, to), to, from)).toBe(Number(value));
      }),
    );
  });
});

describe(formatAmount.name, () => {
  it('shows a stored 万元 value in 亿元 with two decimals', () => {
    expect(formatAmount(12345678)).toBe('1,234.57');
    expect(formatAmount('70000000', { withUnit: true })).toBe('7,000.00亿元');
    expect(formatAmount(1234.5, { to: '万元', decimals: 1, grouping: false })).toBe('1234.5');
    expect(formatAmount(-50000)).toBe('-5.00');
    expect(formatAmount(10050, { decimals: 2 })).toBe('1.01'); // 1.005 亿元, half away from zero
  });

  it('shows missing as — and never as 0', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount(undefined, { missing: '无数据' })).toBe('无数据');
    expect(formatAmount(0)).toBe('0.00');
  });
});

describe(formatPercent.name, () => {
  it('formats percentages, signed growth and missing values', () => {
    expect(formatPercent(56.5)).toBe('56.5%');
    expect(formatPercent(41.666666666666664)).toBe('41.7%');
    expect(formatPercent(3.2, { signed: true })).toBe('+3.2%');
    expect(formatPercent(-3.2, { signed: true })).toBe('-3.2%');
    expect(formatPercent(0.01, { signed: true })).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe(formatPercentagePoints.name, () => {
  it('formats percentage points', () => {
    expect(formatPercentagePoints(14.833333)).toBe('14.8个百分点');
    expect(formatPercentagePoints(1.25, { decimals: 2, signed: true })).toBe('+1.25个百分点');
  });
});

describe(ppDifference.name, () => {
  it('subtracts percentages exactly', () => {
    expect(56.5 - 41.7).not.toBe(14.8);
    expect(ppDifference(56.5, 41.7)).toBe(14.8);
    expect(ppDifference(25, 25.3)).toBe(-0.3);
  });
});

describe(parseNumberCell.name, () => {
  it('reads the number forms clerks type', () => {
    expect(parseNumberCell('1,234.5')).toEqual({ kind: 'number', value: 1234.5, decimal: '1234.5', percent: false });
    expect(numberOf('１２３４．５')).toBe(1234.5);
    expect(numberOf('１，２３４．５')).toBe(1234.5);
    expect(numberOf(' 12 345.6 ')).toBe(12345.6);
    expect(numberOf('-3.2')).toBe(-3.2);
    expect(numberOf('－3.2')).toBe(-3.2);
    expect(numberOf('−3.2')).toBe(-3.2);
    expect(numberOf('+3.2')).toBe(3.2);
    expect(numberOf('(3.2)')).toBe(-3.2);
    expect(numberOf('（1,234.00）')).toBe(-1234);
    expect(numberOf('0')).toBe(0);
    expect(numberOf('.5')).toBe(0.5);
    expect(numberOf('12.')).toBe(12);
  });

  it('keeps percent cells in percent and says so', () => {
    expect(parseNumberCell('12.5%')).toEqual({ kind: 'number', value: 12.5, decimal: '12.5', percent: true });
    expect(parseNumberCell('－3.2％')).toEqual({ kind: 'number', value: -3.2, decimal: '-3.2', percent: true });
    expect(parseNumberCell('(3.2%)')).toMatchObject({ value: -3.2, percent: true });
  });

  it('reads the missing markers as missing, never as 0', () => {
    for (const text of ['', '  ', '—', '——', '-', '--', '–', '…', '……', '...', '/', '／', '－', null, undefined]) {
      expect(parseNumberCell(text), String(text)).toEqual({ kind: 'missing' });
    }
  });

  it('explains in Chinese what is wrong with a cell', () => {
    const message = (text: string) => {
      const cell = parseNumberCell(text);
      return cell.kind === 'error' ? cell.message : `not an error: ${JSON.stringify(cell)}`;
    };
    expect(message('1,23.5')).toContain('千分位');
    expect(message('1.23E+08')).toContain('科学计数法');
    expect(message('12.3亿元')).toContain('单位');
    expect(message('#DIV/0!')).toContain('公式错误');
    expect(message('abc')).toContain('无法识别');
    expect(message('(-3)')).toContain('无法识别');
    expect(message('1.2.3')).toContain('无法识别');
    expect(message('+')).toContain('无法识别');
  });

  it('reads back any number written with thousands separators, in half- or full-width', () => {
    const toFullWidth = (s: string) => s.replace(/[0-9.,%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(storedAmount, fc.boolean(), fc.boolean(), (value, fullWidth, percent) => {
        const [intPart, frac] = value.replace('-', '').split('.');
        const grouped = `${value.startsWith('-') ? '-' : ''}${intPart.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}${percent ? '%' : ''}`;
        const cell = parseNumberCell(fullWidth ? toFullWidth(grouped) : grouped);
        expect(cell).toEqual({ kind: 'number', value: Number(value), decimal: toDecimalString(value), percent });
      }),
    );
  });
});

describe(detectUnit.name, () => {
  it('finds the unit in headers and unit cells', () => {
    const unitOf = (text: string) => {
      const d = detectUnit(text);
      return d.kind === 'unit' ? d.unit : d.kind;
    };
    expect(unitOf('产值(亿元)')).toBe('亿元');
    expect(unitOf('产值（万元）')).toBe('万元');
    expect(unitOf('1-本月累计【万元】')).toBe('万元');
    expect(unitOf('亿元')).toBe('亿元');
    expect(unitOf('万元')).toBe('万元');
    expect(unitOf('元')).toBe('元');
    expect(unitOf('千元')).toBe('千元');
    expect(unitOf('%')).toBe('%');
    expect(unitOf('（%）')).toBe('%');
    expect(unitOf('同比增长%')).toBe('%');
    expect(unitOf('同比增长(%)')).toBe('%');
    expect(unitOf('单位：万元')).toBe('万元');
    expect(unitOf('（单位：亿元）')).toBe('亿元');
    expect(unitOf('营业收入万元')).toBe('万元');
    expect(unitOf('产值(亿元,现价)')).toBe('亿元');
    expect(unitOf('产值(现价)(万元)')).toBe('万元');
    expect(unitOf('万元人民币')).toBe('万元');
  });

  it('finds no unit where none is written', () => {
    expect(detectUnit('产值')).toEqual({ kind: 'none' });
    expect(detectUnit('产值(现价)')).toEqual({ kind: 'none' });
    expect(detectUnit('计量单位')).toEqual({ kind: 'none' });
    expect(detectUnit('')).toEqual({ kind: 'none' });
  });

  it('never takes a look-alike for a known unit', () => {
    expect(detectUnit('产值(百万元)')).toMatchObject({ kind: 'unknown', token: '百万元' });
    expect(detectUnit('营收百万元')).toMatchObject({ kind: 'unknown', token: '百万元' });
    expect(detectUnit('出口额(万美元)')).toMatchObject({ kind: 'unknown', token: '万美元' });
    expect(detectUnit('企业数(个)')).toMatchObject({ kind: 'unknown', token: '个' });
    const unknown = detectUnit('单位：百万元');
    expect(unknown.kind === 'unknown' && unknown.message).toContain('不认识的计量单位');
  });
});
