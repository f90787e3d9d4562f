import { describe, expect, it } from 'vitest';
import type { ObservationCompletenessDto, UploadReportDto } from '@im/contracts';
import { buildMatrix, commitChoice, fileSize, formatExact, shortSha, splitGroups, statusTagType } from './upload-view';

function report(status: UploadReportDto['batch']['status'], rows: { valid: number; error: number }, canCommit: boolean): UploadReportDto {
  return { batch: { status, rows: { total: 0, data: 0, excluded: 0, ...rows } }, canCommit } as unknown as UploadReportDto;
}

describe('formatExact', () => {
  it('shows the stored decimal exactly with separators, missing as a dash', () => {
    expect(formatExact('1234567.25')).toBe('1,234,567.25');
    expect(formatExact('260')).toBe('260');
    expect(formatExact('-0.0001')).toBe('-0.0001');
    expect(formatExact(null)).toBe('—');
  });
});

describe('commitChoice', () => {
  it('offers commit as is, excluding the error rows, or nothing', () => {
    expect(commitChoice(report('validated', { valid: 3, error: 0 }, true))).toEqual({ asIs: true, excludingErrors: false, none: false });
    expect(commitChoice(report('validated', { valid: 3, error: 2 }, false))).toEqual({ asIs: false, excludingErrors: true, none: false });
    expect(commitChoice(report('validated', { valid: 0, error: 2 }, false)).none).toBe(true);
    expect(commitChoice(report('duplicate', { valid: 3, error: 0 }, false)).none).toBe(true);
    expect(commitChoice(report('failed', { valid: 3, error: 0 }, true)).asIs).toBe(true);
  });
});

describe('small formatters', () => {
  it('tags, hashes and sizes', () => {
    expect(statusTagType('committed')).toBe('success');
    expect(statusTagType('rejected')).toBe('danger');
    expect(shortSha('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(fileSize(500)).toBe('500 B');
    expect(fileSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(splitGroups([{ code: 'X', severity: 'warning', count: 1, rows: [] } as never, { code: 'Y', severity: 'error', count: 2, rows: [] } as never]).errors).toHaveLength(1);
  });
});

describe('buildMatrix', () => {
  const completeness = {
    year: 2025,
    dueThrough: '2025-03',
    series: [
      {
        indicator: { code: 'output', name: '产值' },
        industry: { code: 'sei.ngit.ic', name: '集成电路', nameEn: null, indicatorCode: 'output' },
        region: { code: 'xm', name: '厦门市', nameEn: null, type: 'city' },
        granularity: 'month',
        months: ['merged', 'reported', 'missing', ...Array(9).fill('not_due')],
        complete: false,
        missing: 1,
      },
      {
        indicator: { code: 'gdp', name: '地区生产总值' },
        industry: null,
        region: { code: 'xm', name: '厦门市', nameEn: null, type: 'city' },
        granularity: 'quarter',
        months: ['not_expected', 'not_expected', 'reported', ...Array(9).fill('not_due')],
        complete: true,
        missing: 0,
      },
    ],
    enterprises: [],
    summary: { series: 2, complete: 1, missingMonths: 1 },
  } as unknown as ObservationCompletenessDto;

  it('marks revised months and filters', () => {
    const rows = buildMatrix(completeness, { year: 2025, series: [{ indicatorCode: 'output', industryCode: 'sei.ngit.ic', regionCode: 'xm', granularity: 'month', months: [2], revisions: 3 }] });
    expect(rows).toHaveLength(2);
    expect(rows[0].cells[1]).toEqual({ status: 'reported', revised: true });
    expect(rows[0].revisions).toBe(3);
    expect(rows[1].cells[2]).toEqual({ status: 'reported', revised: false });
    expect(buildMatrix(completeness, null, { onlyIncomplete: true }).map((r) => r.indicator)).toEqual(['产值']);
    expect(buildMatrix(completeness, null, { text: 'gdp' }).map((r) => r.indicator)).toEqual(['地区生产总值']);
  });
});
