/**
 * Reading one cell: a period as clerks write it, an amount in its unit (converted exactly to the
 * storage unit, 万元), a growth rate. Each returns either the value or a Chinese sentence saying what
 * is wrong; missing markers (空, —, -, …) are missing, never zero.
 */
import type { Granularity, UploadDataset } from '@im/contracts';
import { AMOUNT_UNIT_EXPONENT, convertAmountExact, decimalRound, parseNumberCell, parsePeriod, type AmountUnit, type Period } from '@im/domain';
import { PERCENT_LIMIT_SCALED, SCALE_DIGITS, toScaled, VALUE_LIMIT_SCALED } from '../records/scaled';

export interface PeriodReading {
  year: number;
  /** Month of the period end (quarter: 3/6/9/12; year: 12). */
  month: number;
  granularity: Granularity;
  /** The merged 1–2月 figure. */
  merged: boolean;
  /** What the row's figures are: the period alone (本月/本季) or the year to date. */
  kind: Period['kind'];
}

export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = <T>(message: string): Reading<T> => ({ ok: false, message });

const GRANULARITY_WORDS: Record<string, Granularity> = { 月: 'month', 月度: 'month', month: 'month', m: 'month', 季: 'quarter', 季度: 'quarter', quarter: 'quarter', q: 'quarter', 年: 'year', 年度: 'year', year: 'year', y: 'year' };

/** `月` / `季度` / `年` / `month` …; null when empty; undefined when not understood. */
export function readGranularity(text: string | undefined): Granularity | null | undefined {
  const t = (text ?? '').normalize('NFKC').trim().toLowerCase();
  if (t === '') return null;
  return GRANULARITY_WORDS[t];
}

/**
 * A period for a dataset. Monthly datasets take months and 1–m月 (the merged 1–2月 included); macro
 * figures also take quarters (`2024年三季度`, `前三季度` = year to date by quarter) and years.
 * Periods after `today`'s month are refused (a typing mistake, figures of the future do not exist).
 */
export function readPeriod(
  text: string,
  dataset: UploadDataset,
  today: { year: number; month: number },
  forced: Granularity | null = null,
): Reading<PeriodReading> {
  const parsed = parsePeriod(text);
  if (!parsed.ok) return fail(parsed.error);
  const p = parsed.period;
  const mentionsQuarter = /季|q[1-4]/i.test(text.normalize('NFKC'));
  let reading: PeriodReading;
  switch (p.kind) {
    case 'month':
      reading = { year: p.year, month: p.month, granularity: 'month', merged: false, kind: 'month' };
      break;
    case 'ytd':
      reading = { year: p.year, month: p.month, granularity: mentionsQuarter ? 'quarter' : 'month', merged: p.month === 2 && !mentionsQuarter, kind: 'ytd' };
      break;
    case 'quarter':
      reading = { year: p.year, month: p.quarter * 3, granularity: 'quarter', merged: false, kind: 'quarter' };
      break;
    case 'year':
      reading = { year: p.year, month: 12, granularity: 'year', merged: false, kind: 'year' };
      break;
    case 'half':
      return fail(`「${text}」是半年度期间，请按季度（前两季度/上半年累计写成「${p.year}年1-6月」）或月份填报`);
  }
  if (forced && forced !== reading.granularity) {
    if (forced === 'quarter' && reading.granularity === 'month' && reading.month % 3 === 0) reading = { ...reading, granularity: 'quarter', merged: false };
    else if (forced === 'year' && reading.month === 12 && reading.kind !== 'month') reading = { ...reading, granularity: 'year' };
    else return fail(`期间「${text}」与频度「${forced === 'month' ? '月' : forced === 'quarter' ? '季' : '年'}」不一致`);
  }
  if (dataset !== 'macro' && reading.granularity !== 'month') {
    return fail(`「${text}」不是月度期间。本数据集按月填报，请写成如「${p.year}-10」「${p.year}年10月」或「${p.year}年1-10月」`);
  }
  if (reading.year * 12 + reading.month > today.year * 12 + today.month) {
    return fail(`期间「${text}」晚于本月（${today.year}年${today.month}月），统计数据不可能来自未来，请检查年份和月份`);
  }
  return { ok: true, value: reading };
}

const PLAIN_DECIMAL = /^(-?)(\d{1,15})(?:\.(\d{1,8}))?$/;

/**
 * Fast path for the common cell, a plain decimal (`1234.5`, `-3`): `value × 10^exponent` as an exact
 * integer, or null when the cell needs the full reading (separators, full-width digits, %, missing
 * markers, more decimals than the exponent keeps, more than 16 digits). Equal to the full reading
 * wherever it answers (property-tested).
 */
export function plainScaled(text: string, exponent: number): number | null {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > exponent) return null;
  const digits = m[2] + frac.padEnd(exponent, '0');
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  return m[1] === '-' && n !== 0 ? -n : n;
}

export interface AmountReading {
  /** Scaled (×10⁴) value in the storage unit; NaN when missing. */
  scaled: number;
  /** The exact value had more than 4 decimals in 万元 and was rounded (to 1 元). */
  rounded: boolean;
}

const MISSING: AmountReading = { scaled: NaN, rounded: false };

/**
 * An amount in `unit` (元, 千元, 万元, 亿元) converted exactly to 万元. Negative amounts are refused
 * unless `allowNegative` (added value may fall below zero). Beyond DECIMAL(15,4) is refused.
 */
export function readAmount(text: string, unit: AmountUnit, options: { allowNegative?: boolean } = {}): Reading<AmountReading> {
  const fast = plainScaled(text, AMOUNT_UNIT_EXPONENT[unit]);
  if (fast !== null && (fast >= 0 || options.allowNegative) && Math.abs(fast) <= VALUE_LIMIT_SCALED) return { ok: true, value: { scaled: fast, rounded: false } };
  const cell = parseNumberCell(text);
  if (cell.kind === 'missing') return { ok: true, value: MISSING };
  if (cell.kind === 'error') return fail(cell.message);
  if (cell.percent) return fail(`「${text.trim()}」带有 %，这一列应填金额`);
  if (cell.decimal.startsWith('-') && !options.allowNegative) return fail(`「${text.trim()}」是负数，这一指标不可能为负，请检查（缺数请填「—」或留空）`);
  let wan = convertAmountExact(cell.decimal, unit, '万元');
  let rounded = false;
  const frac = wan.split('.')[1] ?? '';
  if (frac.length > SCALE_DIGITS) {
    wan = decimalRound(wan, SCALE_DIGITS);
    rounded = true;
  }
  const scaled = toScaled(wan);
  if (Math.abs(scaled) > VALUE_LIMIT_SCALED) return fail(`「${text.trim()}」${unit}超出可存储的范围（最大约 1000 亿万元），请检查单位和位数`);
  return { ok: true, value: { scaled, rounded } };
}

/** A level in the indicator's own unit (家, 个, 件/万人): no conversion, at most 4 decimals. */
export function readLevel(text: string, options: { allowNegative?: boolean } = {}): Reading<AmountReading> {
  const cell = parseNumberCell(text);
  if (cell.kind === 'missing') return { ok: true, value: MISSING };
  if (cell.kind === 'error') return fail(cell.message);
  if (cell.decimal.startsWith('-') && !options.allowNegative) return fail(`「${text.trim()}」是负数，这一指标不可能为负`);
  let value = cell.decimal;
  let rounded = false;
  if ((value.split('.')[1] ?? '').length > SCALE_DIGITS) {
    value = decimalRound(value, SCALE_DIGITS);
    rounded = true;
  }
  const scaled = toScaled(value);
  if (Math.abs(scaled) > VALUE_LIMIT_SCALED) return fail(`「${text.trim()}」超出可存储的范围`);
  return { ok: true, value: { scaled, rounded } };
}

/** A growth rate in percent (`5.2`, `5.2%`, `-3.1`, `（3.1）`): ≥ −100 %, at most 4 decimals kept. */
export function readPercent(text: string): Reading<number> {
  const fast = plainScaled(text, SCALE_DIGITS);
  if (fast !== null && fast >= -100 * 10_000 && Math.abs(fast) <= PERCENT_LIMIT_SCALED) return { ok: true, value: fast };
  const cell = parseNumberCell(text);
  if (cell.kind === 'missing') return { ok: true, value: NaN };
  if (cell.kind === 'error') return fail(cell.message);
  let value = cell.decimal;
  if ((value.split('.')[1] ?? '').length > SCALE_DIGITS) value = decimalRound(value, SCALE_DIGITS);
  const scaled = toScaled(value);
  if (scaled < -100 * 10_000) return fail(`增长率「${text.trim()}」低于 -100%，不可能（下降最多 100%）`);
  if (Math.abs(scaled) > PERCENT_LIMIT_SCALED) return fail(`增长率「${text.trim()}」超出范围（±99999%），请检查是否把数值填进了增长率列`);
  return { ok: true, value: scaled };
}
