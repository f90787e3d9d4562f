import type { BriefColumnFormat } from '@im/contracts';
import { MISSING_DISPLAY, decimalToFixed, formatAmount } from '@im/domain';

/** Chinese section numbers of an official document: 一、二、… */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function sectionNumber(index: number): string {
  return NUMERALS[index] ?? String(index + 1);
}

/** Decimals of each column format (amounts in 亿元 with the display decimals, rates one decimal). */
export const FORMAT_DECIMALS: Readonly<Record<BriefColumnFormat, number>> = Object.freeze({ text: 0, amount: 2, percent: 1, pp: 1 });

/** A cell as printed text: amounts (already 亿元) with two decimals and grouping, rates with one; missing = —. */
export function cellText(value: string | number | null | undefined, format: BriefColumnFormat): string {
  if (value === null || value === undefined || value === '') return MISSING_DISPLAY;
  if (typeof value === 'string' || format === 'text') return String(value);
  if (format === 'amount') return formatAmount(value, { from: '亿元', to: '亿元', decimals: FORMAT_DECIMALS.amount });
  return decimalToFixed(value, FORMAT_DECIMALS[format]);
}

/** Excel number format of a column. */
export function excelNumberFormat(format: BriefColumnFormat): string | null {
  switch (format) {
    case 'amount':
      return '#,##0.00';
    case 'percent':
    case 'pp':
      return '0.0';
    default:
      return null;
  }
}

/** `2026年1—10月产业运行简报.docx`: the title, made safe as a file name. */
export function exportFileName(title: string, extension: 'docx' | 'xlsx'): string {
  return `${title.replace(/[\\/:*?"<>|\r\n]/g, '_')}.${extension}`;
}
