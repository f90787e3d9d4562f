/**
 * Thresholds of the target status, as configuration. The API reads overrides from its configuration
 * and validates them once at boot with {@link validateStatusThresholds}; no threshold literal appears
 * anywhere else in this library.
 */
export interface StatusThresholds {
  /**
   * Multi-year targets judge the on-track ratio = achieved growth since baseline ÷ planned growth since
   * baseline (planned path). ratio ≥ 1 + aheadMargin → ahead.
   */
  readonly aheadMargin: number;
  /** ratio ≥ onTrackRatio → on track. */
  readonly onTrackRatio: number;
  /** ratio ≥ atRiskRatio → at risk; below → behind. */
  readonly atRiskRatio: number;
  /**
   * Annual targets judge the gap in percentage points = completion % − time progress %
   * (seasonal when available, else naive). gap ≥ annualAheadPp → ahead.
   */
  readonly annualAheadPp: number;
  /** gap ≥ annualOnTrackPp (negative: a small lag is still on track) → on track. */
  readonly annualOnTrackPp: number;
  /** gap ≥ annualAtRiskPp → at risk; below → behind. */
  readonly annualAtRiskPp: number;
  /** Complete past years needed before the seasonal time progress is used instead of m/12. */
  readonly minSeasonalYears: number;
}

export const DEFAULT_STATUS_THRESHOLDS: Readonly<StatusThresholds> = Object.freeze({
  aheadMargin: 0.05,
  onTrackRatio: 0.95,
  atRiskRatio: 0.6,
  annualAheadPp: 3,
  annualOnTrackPp: -3,
  annualAtRiskPp: -10,
  minSeasonalYears: 2,
});

/** Every problem with a thresholds object, in English for the boot log (empty when valid). */
export function validateStatusThresholds(t: StatusThresholds): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(t)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${name} must be a finite number`);
  }
  if (problems.length > 0) return problems;
  if (t.aheadMargin < 0) problems.push('aheadMargin must be ≥ 0');
  if (!(t.atRiskRatio < t.onTrackRatio)) problems.push('atRiskRatio must be below onTrackRatio');
  if (!(t.onTrackRatio <= 1 + t.aheadMargin)) problems.push('onTrackRatio must not exceed 1 + aheadMargin');
  if (t.atRiskRatio < 0) problems.push('atRiskRatio must be ≥ 0');
  if (!(t.annualAtRiskPp < t.annualOnTrackPp)) problems.push('annualAtRiskPp must be below annualOnTrackPp');
  if (!(t.annualOnTrackPp <= t.annualAheadPp)) problems.push('annualOnTrackPp must not exceed annualAheadPp');
  if (!Number.isInteger(t.minSeasonalYears) || t.minSeasonalYears < 1) problems.push('minSeasonalYears must be an integer ≥ 1');
  return problems;
}

/** Defaults with overrides applied (e.g. from environment configuration). Throws when the result is invalid. */
export function resolveStatusThresholds(overrides: Partial<StatusThresholds> = {}): Readonly<StatusThresholds> {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const merged: StatusThresholds = { ...DEFAULT_STATUS_THRESHOLDS, ...given };
  const problems = validateStatusThresholds(merged);
  if (problems.length > 0) throw new RangeError(`Invalid status thresholds: ${problems.join('; ')}`);
  return Object.freeze(merged);
}
