import { describe, expect, it } from 'vitest';
import {
  MISSING,
  convertMoney,
  displayUnitFor,
  formatAmount,
  formatAxisNumber,
  formatNumber,
  formatPercent,
  formatPp,
  unitLabel,
  withUnit,
} from './number-format';

describe('convertMoney', () => {
  it('converts 万元 to 亿元 exactly', () => {
    expect(convertMoney(12345, '万元', '亿元')).toBe(1.2345);
    expect(convertMoney(70_000_000, '万元', '亿元')).toBe(7000);
  });
  it('converts 亿元 to 万元 and 元 to 亿元', () => {
    expect(convertMoney(1.5, '亿元', '万元')).toBe(15000);
    expect(convertMoney(250_000_000, '元', '亿元')).toBe(2.5);
  });
  it('keeps missing values missing', () => {
    expect(convertMoney(null, '万元', '亿元')).toBeNull();
    expect(convertMoney(undefined, '万元', '亿元')).toBeNull();
    expect(convertMoney(Number.NaN, '万元', '亿元')).toBeNull();
  });
});

describe('formatAmount', () => {
  it('shows 万元 from the API as 亿元 with two fixed decimals and thousands separators', () => {
    expect(formatAmount(46_880_000)).toBe('4,688.00');
    expect(formatAmount(12_345)).toBe('1.23');
    expect(formatAmount(5)).toBe('0.00');
  });
  it('rounds half away from zero on the displayed decimal', () => {
    expect(formatAmount(10_050)).toBe('1.01');
    expect(formatAmount(-10_050)).toBe('-1.01');
  });
  it('shows missing as an em dash, never as zero', () => {
    expect(formatAmount(null)).toBe(MISSING);
    expect(formatAmount(undefined)).toBe('—');
    expect(formatAmount(0)).toBe('0.00');
  });
  it('formats negative values and does not print "-0.00"', () => {
    expect(formatAmount(-2_500_000)).toBe('-250.00');
    expect(formatAmount(-1)).toBe('0.00');
  });
  it('honours decimals, target unit and grouping', () => {
    expect(formatAmount(123_456, { decimals: 1 })).toBe('12.3');
    expect(formatAmount(123_456, { to: '万元', decimals: 0 })).toBe('123,456');
    expect(formatAmount(46_880_000, { grouping: false })).toBe('4688.00');
  });
});

describe('formatNumber', () => {
  it('uses fixed decimals', () => {
    expect(formatNumber(3, { decimals: 2 })).toBe('3.00');
    expect(formatNumber(2282, { decimals: 0 })).toBe('2,282');
  });
  it('signs positives only when asked', () => {
    expect(formatNumber(1.25, { decimals: 1, signed: true })).toBe('+1.3');
    expect(formatNumber(0, { decimals: 1, signed: true })).toBe('0.0');
    expect(formatNumber(-1.25, { decimals: 1, signed: true })).toBe('-1.3');
  });
});

describe('formatPercent', () => {
  it('formats a percentage with one decimal by default', () => {
    expect(formatPercent(12.34)).toBe('12.3%');
    expect(formatPercent(-4.56)).toBe('-4.6%');
    expect(formatPercent(25, { decimals: 0 })).toBe('25%');
  });
  it('signs growth rates when asked and keeps missing as —', () => {
    expect(formatPercent(8.1, { signed: true })).toBe('+8.1%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatPp', () => {
  it('formats percentage points in Chinese and English, always signed', () => {
    expect(formatPp(3.24)).toBe('+3.2个百分点');
    expect(formatPp(-1.05, { locale: 'en' })).toBe('-1.1 pp');
    expect(formatPp(null)).toBe('—');
  });
});

describe('formatAxisNumber', () => {
  it('drops trailing zeros on axis ticks', () => {
    expect(formatAxisNumber(1500)).toBe('1,500');
    expect(formatAxisNumber(12.5)).toBe('12.5');
  });
});

describe('displayUnitFor', () => {
  it('displays money in 亿元 with two decimals', () => {
    const d = displayUnitFor('万元');
    expect(d.unit).toBe('亿元');
    expect(d.decimals).toBe(2);
    expect(d.convert(25_000)).toBe(2.5);
  });
  it('keeps other units and their decimals', () => {
    const d = displayUnitFor('家', 0);
    expect(d.unit).toBe('家');
    expect(d.decimals).toBe(0);
    expect(d.convert(3500)).toBe(3500);
    expect(d.convert(null)).toBeNull();
  });
});

describe('unitLabel', () => {
  it('keeps Chinese units in Chinese and translates money units in English', () => {
    expect(unitLabel('亿元')).toBe('亿元');
    expect(unitLabel('亿元', 'en')).toBe('CNY 100m');
    expect(unitLabel('km²', 'en')).toBe('km²');
  });
});

describe('withUnit', () => {
  it('puts the unit in full-width brackets in Chinese and plain brackets in English', () => {
    expect(withUnit('本月', '亿元')).toBe('本月（亿元）');
    expect(withUnit('Month', '亿元', 'en')).toBe('Month (CNY 100m)');
  });
});
