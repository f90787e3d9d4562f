import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_THRESHOLDS, resolveStatusThresholds, validateStatusThresholds } from './thresholds';

describe(validateStatusThresholds.name, () => {
  it('accepts the documented defaults', () => {
    expect(validateStatusThresholds(DEFAULT_STATUS_THRESHOLDS)).toEqual([]);
    expect(DEFAULT_STATUS_THRESHOLDS).toEqual({
      aheadMargin: 0.05,
      onTrackRatio: 0.95,
      atRiskRatio: 0.6,
      annualAheadPp: 3,
      annualOnTrackPp: -3,
      annualAtRiskPp: -10,
      minSeasonalYears: 2,
    });
    expect(Object.isFrozen(DEFAULT_STATUS_THRESHOLDS)).toBe(true);
  });

  it('names every problem of a bad configuration', () => {
    expect(validateStatusThresholds({ ...DEFAULT_STATUS_THRESHOLDS, atRiskRatio: 0.97 })).toEqual(['atRiskRatio must be below onTrackRatio']);
    expect(validateStatusThresholds({ ...DEFAULT_STATUS_THRESHOLDS, annualAtRiskPp: 0, minSeasonalYears: 0 })).toEqual([
      'annualAtRiskPp must be below annualOnTrackPp',
      'minSeasonalYears must be an integer ≥ 1',
    ]);
    expect(validateStatusThresholds({ ...DEFAULT_STATUS_THRESHOLDS, aheadMargin: Number.NaN })).toEqual(['aheadMargin must be a finite number']);
  });
});

describe(resolveStatusThresholds.name, () => {
  it('applies overrides, ignores undefined ones, and fails fast on an invalid result', () => {
    expect(resolveStatusThresholds({ annualAheadPp: 5, onTrackRatio: undefined })).toMatchObject({ annualAheadPp: 5, onTrackRatio: 0.95 });
    expect(() => resolveStatusThresholds({ onTrackRatio: 1.2 })).toThrow(/onTrackRatio must not exceed 1 \+ aheadMargin/);
  });
});
