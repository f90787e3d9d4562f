/**
 * When a figure deserves an alert (pure): the rules of the alerts job, one function each, with the
 * sentences a government reader expects. Thresholds come from configuration (ALERT_BEHIND_PP,
 * ALERT_SWING_PCT).
 */
import type { AlertKind, AlertSeverity, TargetProgressDto } from '@im/contracts';

export interface AlertCandidate {
  kind: AlertKind;
  severity: AlertSeverity;
  subjectKey: string;
  period: string;
  targetCode: string | null;
  industryNodeId: number | null;
  regionId: number | null;
  districtId: number | null;
  title: string;
  body: string;
  details: Record<string, unknown>;
}

const fmt = (v: number, digits = 1) => v.toFixed(digits);
/** A value in its unit: whole numbers without decimals (75个), else two (1702.70亿元, 3.28%). */
const amount = (v: number) => (Math.abs(v - Math.round(v)) < 0.005 ? String(Math.round(v)) : v.toFixed(2));

/** Twice the threshold is critical. */
function severity(excessPp: number, thresholdPp: number): AlertSeverity {
  return excessPp > 2 * Math.max(thresholdPp, 0.0001) ? 'critical' : 'warning';
}

/**
 * The current year against its annual target: completion more than `behindPp` percentage points
 * behind the time progress (the seasonal one where it exists, else m/12 — the gap the progress
 * service computed).
 */
export function behindAnnual(item: TargetProgressDto, behindPp: number, subject: { industryNodeId: number | null; regionId: number | null; districtId: number | null }): AlertCandidate | null {
  const a = item.annual;
  if (!a || a.gapPp === null || a.completionPct === null || !(a.gapPp < -behindPp)) return null;
  const progress = a.seasonalTimeProgressPct ?? a.timeProgressPct;
  const which = a.seasonalTimeProgressPct !== null ? '季节性时序进度' : '时序进度';
  const months = a.month <= 2 ? '1—2月' : `1—${a.month}月`;
  return {
    kind: 'behind_annual',
    severity: severity(-a.gapPp, behindPp),
    subjectKey: `target:${item.code}`,
    period: `${a.year}-${String(a.month).padStart(2, '0')}`,
    targetCode: item.code,
    ...subject,
    title: `${item.name}：${a.year}年${months}慢于${which} ${fmt(-a.gapPp)} 个百分点`.slice(0, 200),
    body: `${a.year}年${months}，${item.name}完成年度目标 ${fmt(a.completionPct)}%，${which} ${fmt(progress)}%，慢于${which} ${fmt(-a.gapPp)} 个百分点（预警阈值 ${fmt(behindPp)} 个百分点）。`.slice(0, 1000),
    details: { year: a.year, month: a.month, completionPct: a.completionPct, timeProgressPct: a.timeProgressPct, seasonalTimeProgressPct: a.seasonalTimeProgressPct, gapPp: a.gapPp, thresholdPp: behindPp, annualTarget: a.target, ytd: a.ytd, unit: item.unit },
  };
}

/**
 * The latest complete year against the planned path (the multi-year time progress): the actual is
 * more than `behindPp` points of the target below the planned-path value of that year.
 */
export function behindPath(item: TargetProgressDto, behindPp: number, subject: { industryNodeId: number | null; regionId: number | null; districtId: number | null }): AlertCandidate | null {
  const actual = item.latestAnnual;
  const planned = item.plannedPathValue;
  if (!actual || planned === null || !(item.targetValue > 0)) return null;
  const gapPp = ((actual.value - planned) / item.targetValue) * 100;
  if (!(gapPp < -behindPp)) return null;
  const finalYear = actual.year >= item.targetYear;
  const completion = (actual.value / item.targetValue) * 100;
  return {
    kind: 'behind_path',
    severity: severity(-gapPp, behindPp),
    subjectKey: `target:${item.code}`,
    period: String(actual.year),
    targetCode: item.code,
    ...subject,
    title: `${item.name}：${actual.year}年${finalYear ? '未达到规划目标' : '落后于规划路径'}`.slice(0, 200),
    body: (finalYear
      ? `${actual.year}年${item.name}为 ${amount(actual.value)}${item.unit}，未达到规划目标 ${amount(item.targetValue)}${item.unit}，完成率 ${fmt(completion)}%（完成率低于 ${fmt(100 - behindPp)}% 时预警）。`
      : `${actual.year}年${item.name}为 ${amount(actual.value)}${item.unit}，按规划路径应达 ${amount(planned)}${item.unit}，落后规划路径 ${fmt(-gapPp)} 个百分点（按目标值计，预警阈值 ${fmt(behindPp)} 个百分点）。`
    ).slice(0, 1000),
    details: { year: actual.year, actual: actual.value, plannedPathValue: planned, targetValue: item.targetValue, targetYear: item.targetYear, gapPp, thresholdPp: behindPp, unit: item.unit },
  };
}

export interface SwingInput {
  subjectKey: string;
  label: string;
  period: { year: number; month: number };
  /** 1–本月累计 growth, % (reported, else computed from nominal values). */
  yoyYtdPct: number | null;
  computed: boolean;
  industryNodeId: number | null;
  regionId: number | null;
  districtId: number | null;
}

/** A year-to-date growth beyond ±`swingPct` %: an abnormal swing to verify (unit errors, missing enterprises). */
export function swing(input: SwingInput, swingPct: number): AlertCandidate | null {
  const yoy = input.yoyYtdPct;
  if (yoy === null || !(Math.abs(yoy) > swingPct)) return null;
  const { year, month } = input.period;
  const months = month <= 2 ? '1—2月' : `1—${month}月`;
  const word = yoy >= 0 ? '增长' : '下降';
  return {
    kind: 'swing',
    severity: Math.abs(yoy) > 2 * swingPct ? 'critical' : 'warning',
    subjectKey: input.subjectKey,
    period: `${year}-${String(month).padStart(2, '0')}`,
    targetCode: null,
    industryNodeId: input.industryNodeId,
    regionId: input.regionId,
    districtId: input.districtId,
    title: `${input.label}：${year}年${months}同比${word} ${fmt(Math.abs(yoy))}%，波动异常`.slice(0, 200),
    body: `${year}年${months}，${input.label}累计同比${word} ${fmt(Math.abs(yoy))}%${input.computed ? '（按名义值计算）' : ''}，超过 ±${fmt(swingPct, 0)}% 的异常波动阈值，请核实数据（单位、口径、漏报企业）。`.slice(0, 1000),
    details: { year, month, yoyYtdPct: yoy, computed: input.computed, thresholdPct: swingPct },
  };
}
