import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type PlannedPathInput, actualCagrPct, cagrPct, plannedPath, plannedPathPoints, plannedPathValue, projectValue, requiredCagrPct } from './multi-year';

// 生物医药与健康 (004): 776 亿元 in 2020 → 1500 亿元 in 2025.
const bio: PlannedPathInput = { baseline: { year: 2020, value: 776 }, target: { year: 2025, value: 1500 } };

const value = fc.integer({ min: 1, max: 10 ** 8 }).map((cents) => cents / 100);
const span = fc.integer({ min: 1, max: 15 });

describe(plannedPathValue.name, () => {
  it('interpolates geometrically: 776 (2020) → 1500 (2025) gives about 1152.39 in 2023', () => {
    // By hand: 1500 / 776 = 1.932990; its fifth root = e^(ln 1.932990 / 5) = e^(0.659068 / 5) = e^0.131814 = 1.140896,
    // i.e. 14.09 % a year. 2023 is three years on: 776 × 1.140896³ = 776 × 1.485039 = 1152.39
    // (with the rate rounded to 1.1409: 776 × 1.485056 = 1152.40).
    expect(plannedPathValue(bio, 2023)).toBeCloseTo(1152.39, 2);
    expect(plannedPathValue(bio, 2021)).toBeCloseTo(885.33, 2); // 776 × 1.140896
    expect(plannedPathValue(bio, 2020)).toBe(776);
    expect(plannedPathValue(bio, 2025)).toBe(1500);
    expect(plannedPathValue(bio, 2019)).toBeNull();
    expect(plannedPathValue(bio, 2026)).toBeNull();
  });

  it('follows the annual targets the plan owner entered, interpolating between them', () => {
    const entered: PlannedPathInput = { ...bio, annualTargets: [{ year: 2022, value: '1000' }, { year: 2025, value: 1600 }, { year: 2019, value: 1 }] };
    expect(plannedPathValue(entered, 2022)).toBe(1000);
    expect(plannedPathValue(entered, 2021)).toBeCloseTo(880.91, 2); // √(776 × 1000)
    expect(plannedPathValue(entered, 2023)).toBeCloseTo(1144.71, 2); // 1000 × 1.5^(1/3)
    expect(plannedPathValue(entered, 2025)).toBe(1500); // the target year keeps the target
    expect(plannedPathPoints(entered).map((p) => p.year)).toEqual([2020, 2022, 2025]);
  });

  it('interpolates linearly when asked (shares in percentage points) or when a point is not positive', () => {
    const share: PlannedPathInput = { baseline: { year: 2020, value: 15 }, target: { year: 2025, value: 25 }, interpolation: 'linear' };
    expect(plannedPathValue(share, 2023)).toBe(21);
    expect(plannedPathValue({ baseline: { year: 2020, value: 0 }, target: { year: 2025, value: 80 } }, 2022)).toBe(32);
  });

  it('refuses a target year not after the baseline and an annual target entered twice', () => {
    expect(() => plannedPathValue({ baseline: { year: 2025, value: 1 }, target: { year: 2025, value: 2 } }, 2025)).toThrow(RangeError);
    const twice: PlannedPathInput = { ...bio, annualTargets: [{ year: 2022, value: 1 }, { year: 2022, value: 2 }] };
    expect(() => plannedPathValue(twice, 2022)).toThrow(RangeError);
  });

  it('hits the baseline, every entered annual target and the target exactly', () => {
    fc.assert(
      fc.property(value, value, span, fc.array(fc.tuple(fc.nat(20), value), { maxLength: 5 }), (base, target, years, annuals) => {
        const unique = [...new Map(annuals.map(([offset, v]) => [2020 + (offset % years), v])).entries()].map(([year, v]) => ({ year, value: v }));
        const path: PlannedPathInput = { baseline: { year: 2020, value: base }, target: { year: 2020 + years, value: target }, annualTargets: unique };
        expect(plannedPathValue(path, 2020)).toBe(base);
        expect(plannedPathValue(path, 2020 + years)).toBe(target);
        for (const a of unique) if (a.year > 2020) expect(plannedPathValue(path, a.year)).toBe(a.value);
      }),
    );
  });

  it('grows at one constant rate without annual targets, equal to the CAGR of the plan', () => {
    fc.assert(
      fc.property(value, value, span, (base, target, years) => {
        const path: PlannedPathInput = { baseline: { year: 2020, value: base }, target: { year: 2020 + years, value: target } };
        const rate = cagrPct(base, target, years) as number;
        const series = plannedPath(path);
        expect(series).toHaveLength(years + 1);
        series.slice(1).forEach((point, i) => {
          expect(Math.abs(point.value / series[i].value - (1 + rate / 100))).toBeLessThan(1e-9);
        });
      }),
    );
  });
});

describe(cagrPct.name, () => {
  it('gives the rate of the bio-medicine plan: (1500/776)^(1/5) − 1 ≈ 14.09 %', () => {
    expect(cagrPct(776, 1500, 5)).toBeCloseTo(14.09, 2);
    expect(cagrPct(100, 121, 2)).toBeCloseTo(10, 10);
    expect(cagrPct(0, 100, 5)).toBeNull();
    expect(cagrPct(100, 121, 0)).toBeNull();
    expect(cagrPct(100, -1, 2)).toBeNull();
  });
});

describe(actualCagrPct.name, () => {
  it('is the pace since the baseline: 776 (2020) → 1080 (2023) is 11.65 % a year', () => {
    // 1080 / 776 = 1.391753; cube root 1.116488.
    expect(actualCagrPct({ year: 2020, value: 776 }, { year: 2023, value: 1080 })).toBeCloseTo(11.65, 2);
  });
});

describe(requiredCagrPct.name, () => {
  it('is the pace still needed: 1080 (2023) → 1500 (2025) needs 17.85 % a year', () => {
    // 1500 / 1080 = 1.388889; square root 1.178511.
    expect(requiredCagrPct({ year: 2023, value: 1080 }, { year: 2025, value: 1500 })).toBeCloseTo(17.85, 2);
    expect(requiredCagrPct({ year: 2025, value: 1080 }, { year: 2025, value: 1500 })).toBeNull();
  });
});

describe(projectValue.name, () => {
  it('projects the latest actual at a rate: 1080 at 11.65 % for two years ≈ 1346.27', () => {
    const rate = actualCagrPct({ year: 2020, value: 776 }, { year: 2023, value: 1080 }) as number;
    expect(projectValue({ year: 2023, value: 1080 }, rate, 2025)).toBeCloseTo(1346.27, 2); // 1080 × 1.116488²
    expect(projectValue({ year: 2023, value: 1080 }, -100, 2025)).toBeNull();
  });

  it('and cagrPct are inverses', () => {
    // End between a fifth and twenty times the start: (end/start)^(1/n) − 1 cancels badly near −100 %.
    const end = (start: number, percent: number) => (start * percent) / 100;
    fc.assert(
      fc.property(value, fc.integer({ min: 20, max: 2000 }), span, (start, percent, years) => {
        const target = end(start, percent);
        const rate = cagrPct(start, target, years) as number;
        const projected = projectValue({ year: 2020, value: start }, rate, 2020 + years) as number;
        expect(Math.abs(projected - target)).toBeLessThanOrEqual(1e-9 * target);
      }),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: -50, max: 300 }), span, (start, rate, years) => {
        const projected = projectValue({ year: 2020, value: start }, rate, 2020 + years) as number;
        expect(Math.abs((cagrPct(start, projected, years) as number) - rate)).toBeLessThan(1e-9);
      }),
    );
  });
});
