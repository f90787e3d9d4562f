/**
 * The brief's sentences, from a structured month summary, in the register of a government brief:
 * "1—10月，全市新一代信息技术产业实现产值1234.56亿元，同比增长12.3%，完成年度目标85.6%，快于时序进度2.3个百分点。"
 * Pure: no Nest, no database. Figures are rounded with the shared domain maths (亿元 with the display
 * decimals of the charts formatter, rates to one decimal, half away from zero); the direction words
 * (增长/下降/持平, 快于/慢于/持平) are chosen from the rounded figure, so the printed number and the word
 * never disagree ("增长0.0%" cannot happen). Missing figures are said to be missing, never invented.
 */
import {
  DISPLAY_AMOUNT_DECIMALS,
  decimalRound,
  decimalSign,
  decimalSub,
  decimalToFixed,
  formatAmount,
  formatPeriod,
  naiveTimeProgressPct,
  ytdPeriod,
} from '@im/domain';
import { DEFAULT_TEMPLATES, type TemplateTexts } from './brief-templates';
import { fillTemplate } from './template-engine';

/** Decimals of rates (%) and percentage points in the text. */
export const RATE_DECIMALS = 1;

export interface Wording {
  /** One pattern filled; an unknown key falls back to the default. */
  t(key: string, values?: Readonly<Record<string, string | number | null | undefined>>): string;
}

export function createWording(overrides: TemplateTexts = {}): Wording {
  const texts: Record<string, string> = { ...DEFAULT_TEMPLATES, ...overrides };
  return { t: (key, values = {}) => fillTemplate(texts[key] ?? DEFAULT_TEMPLATES[key] ?? '', values) };
}

// ---------------------------------------------------------------------------------------------
// Periods and numbers

/** The period of a YTD figure as a brief writes it: `1月`, `1—2月` (published merged), `1—10月`, December `全年`. */
export function briefPeriodLabel(month: number): string {
  if (month === 12) return '全年';
  if (month === 1) return '1月';
  // The domain's label (`1-10月`) with the dash of printed Chinese documents.
  return formatPeriod(ytdPeriod(2000, month), { withYear: false }).replace('-', '—');
}

/** Rate text without sign, one decimal: `12.3`. */
function rateText(pct: number): string {
  return decimalToFixed(decimalRound(Math.abs(pct), RATE_DECIMALS), RATE_DECIMALS);
}

/** Sign of a rate as printed (a rate that rounds to 0.0 is 持平). */
function printedSign(pct: number): -1 | 0 | 1 {
  return decimalSign(decimalRound(pct, RATE_DECIMALS));
}

/** 亿元 text of a value in 万元, with the display decimals and no grouping (as in printed text). */
export function yiText(valueWan: number): string {
  return formatAmount(valueWan, { decimals: DISPLAY_AMOUNT_DECIMALS, grouping: false });
}

// ---------------------------------------------------------------------------------------------
// Clauses

/** 同比增长12.3% / 同比下降2.1% / 与上年同期持平 / 同比增长3.0%，增速由降转增 / 同比增速暂缺. */
export function growthPhrase(w: Wording, yoyPct: number | null, previousYoyPct: number | null = null): string {
  if (yoyPct === null) return w.t('growth.missing');
  const sign = printedSign(yoyPct);
  if (sign === 0) return w.t('growth.flat');
  if (sign > 0) {
    if (previousYoyPct !== null && printedSign(previousYoyPct) < 0) return w.t('growth.turnaround', { rate: rateText(yoyPct), previousRate: rateText(previousYoyPct) });
    return w.t('growth.up', { rate: rateText(yoyPct) });
  }
  return w.t('growth.down', { rate: rateText(yoyPct) });
}

export interface TargetFigures {
  /** YTD ÷ annual target × 100, null when unknown. */
  completionPct: number | null;
}

/**
 * 完成年度目标85.6%，快于时序进度2.3个百分点 (time progress m/12, as the documents say 时间过半任务过半);
 * 已提前完成年度目标（完成103.2%）; December: 完成年度目标98.1%，距年度目标差1.9个百分点 / 超额完成全年任务.
 * Both percentages are rounded to one decimal first, so the printed figures add up.
 */
export function targetClauses(w: Wording, month: number, target: TargetFigures | null): string[] {
  if (!target || target.completionPct === null) return [];
  const completion = decimalRound(target.completionPct, RATE_DECIMALS);
  const completionText = decimalToFixed(completion, RATE_DECIMALS);
  const met = decimalSign(decimalSub(completion, 100)) >= 0;
  if (month === 12) {
    return met
      ? [w.t('target.yearMet', { completion: completionText })]
      : [w.t('target.yearMissed', { completion: completionText, gap: decimalToFixed(decimalSub(100, completion), RATE_DECIMALS) })];
  }
  if (met) return [w.t('target.met', { completion: completionText })];
  const timeProgress = decimalRound(naiveTimeProgressPct(month), RATE_DECIMALS);
  const gap = decimalSub(completion, timeProgress);
  const sign = decimalSign(gap);
  const values = { gap: decimalToFixed(sign < 0 ? decimalSub(0, gap) : gap, RATE_DECIMALS), timeProgress: decimalToFixed(timeProgress, RATE_DECIMALS) };
  const progress = sign === 0 ? w.t('progress.even', values) : w.t(sign > 0 ? 'progress.ahead' : 'progress.behind', values);
  return [w.t('target.completion', { completion: completionText }), progress];
}

export interface SubjectFigures {
  /** `新一代信息技术产业`, `五大战略性新兴产业`. */
  subject: string;
  /** `产值`, `营收`, `产业规模` (empty for none). */
  indicator: string;
  /** YTD value in 万元; null when missing. */
  valueWan: number | null;
  yoyPct: number | null;
  /** The YTD growth of the month before (for 由降转增); null when unknown or not wanted. */
  previousYoyPct?: number | null;
  target?: TargetFigures | null;
}

/**
 * One subject's sentence: level, growth, target. Missing level with a growth rate → growth-only
 * sentence; neither → 数据暂缺 (no target clause without data).
 */
export function subjectSentence(w: Wording, month: number, region: string, f: SubjectFigures): string {
  const base = { period: briefPeriodLabel(month), region, subject: f.subject, indicator: f.indicator };
  const clauses: string[] = [];
  if (f.valueWan !== null) {
    clauses.push(w.t('level', { ...base, value: yiText(f.valueWan) }), growthPhrase(w, f.yoyPct, f.previousYoyPct ?? null));
  } else if (f.yoyPct !== null) {
    clauses.push(w.t('level.growthOnly', { ...base, growth: growthPhrase(w, f.yoyPct, f.previousYoyPct ?? null) }));
  } else {
    return `${w.t('level.missing', base)}。`;
  }
  clauses.push(...targetClauses(w, month, f.target ?? null));
  return `${clauses.filter((c) => c !== '').join('，')}。`;
}

export interface SubfieldFigures {
  name: string;
  yoyPct: number | null;
  /** 拉动 of the parent's growth, percentage points. */
  pullPp: number | null;
}

function subfieldClause(w: Wording, parent: string, s: SubfieldFigures & { pullPp: number }): string {
  const sign = decimalSign(decimalRound(s.pullPp, RATE_DECIMALS));
  const growth = s.yoyPct === null ? '' : growthPhrase(w, s.yoyPct);
  return w.t(sign < 0 ? 'subfield.down' : 'subfield.up', { name: s.name, growth, parent, pull: rateText(s.pullPp) });
}

/**
 * The sub-fields that pulled the parent's growth most and least (拉动, pp). Sub-fields without a
 * 拉动 (missing data) are left out; with none, no sentence (null).
 */
export function subfieldsSentence(w: Wording, parent: string, items: readonly SubfieldFigures[]): string | null {
  const known = items.filter((i): i is SubfieldFigures & { pullPp: number } => i.pullPp !== null);
  if (!known.length) return null;
  const sorted = [...known].sort((a, b) => b.pullPp - a.pullPp);
  const strongest = subfieldClause(w, parent, sorted[0]);
  if (sorted.length === 1) return w.t('subfields.single', { strongest });
  return w.t('subfields', { strongest, weakest: subfieldClause(w, parent, sorted[sorted.length - 1]) });
}

export interface RankedFigures {
  name: string;
  yoyPct: number | null;
}

/**
 * Leading and lagging regions or parks by YTD growth: the fastest (up to `take`) and the slowest (up
 * to `take`, never the same ones). Fewer than two with a growth rate → 数据暂缺, no ranking.
 */
export function rankingSentence(w: Wording, kind: 'regions' | 'parks', items: readonly RankedFigures[], take = 2): string {
  const known = items.filter((i): i is RankedFigures & { yoyPct: number } => i.yoyPct !== null).sort((a, b) => b.yoyPct - a.yoyPct);
  if (known.length < 2) return w.t('rank.missing', { what: kind === 'regions' ? '分区域' : '分园区' });
  const n = Math.min(take, Math.floor(known.length / 2));
  const item = (i: RankedFigures & { yoyPct: number }) => w.t('rank.item', { name: i.name, growth: growthPhrase(w, i.yoyPct) });
  const leading = known.slice(0, n).map(item).join('、');
  const lagging = known.slice(known.length - n).reverse().map(item).join('、');
  return w.t(kind, { leading, lagging });
}

export interface BehindTarget {
  name: string;
  completionPct: number;
  month: number;
}

/**
 * Targets behind the time progress (m/12, rounded figures): a list, or the sentence that there are
 * none; without any annual target of the year (e.g. after the plan's last year) it says so.
 */
export function behindSentence(w: Wording, targets: readonly BehindTarget[], year?: number): string {
  if (!targets.length) return w.t('behind.noTargets', { year });
  const items = targets
    .map((t) => {
      const completion = decimalRound(t.completionPct, RATE_DECIMALS);
      const gap = decimalSub(decimalRound(naiveTimeProgressPct(t.month), RATE_DECIMALS), completion);
      return { t, completion, gap };
    })
    .filter((x) => decimalSign(x.gap) > 0);
  if (!items.length) return w.t('behind.none');
  const list = items
    .map((x) => w.t('behind.item', { name: x.t.name, completion: decimalToFixed(x.completion, RATE_DECIMALS), gap: decimalToFixed(x.gap, RATE_DECIMALS) }))
    .join('；');
  return w.t('behind', { count: items.length, list });
}

/** December: how many of the year's targets were met (completion ≥ 100 % after rounding). */
export function yearTargetsSentence(w: Wording, completions: readonly number[], year?: number): string {
  if (!completions.length) return w.t('behind.noTargets', { year });
  const met = completions.filter((c) => decimalSign(decimalSub(decimalRound(c, RATE_DECIMALS), 100)) >= 0).length;
  return w.t('targets.year', { count: completions.length, met, missed: completions.length - met });
}

/** Data not yet reported (a description per missing series; `total` when the list is cut short). */
export function missingSentence(w: Wording, missing: readonly string[], total = missing.length): string {
  if (!missing.length) return w.t('missing.none');
  return w.t('missing', { count: total, list: missing.join('、') });
}

export interface OverdueProblem {
  title: string;
  owner: string | null;
  /** `2026年10月31日`. */
  due: string | null;
}

export function problemsSentence(w: Wording, problems: readonly OverdueProblem[]): string {
  if (!problems.length) return w.t('problems.none');
  const list = problems.map((p) => w.t('problems.item', { title: p.title, owner: p.owner ?? '', due: p.due ?? '' })).join('；');
  return w.t('problems', { count: problems.length, list });
}
