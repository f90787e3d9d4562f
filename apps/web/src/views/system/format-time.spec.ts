import { describe, expect, it } from 'vitest';
import { formatDateTime, startOfChinaDay } from './format-time';

describe('formatDateTime', () => {
  it('shows a UTC instant in China Standard Time', () => {
    expect(formatDateTime('2025-01-31T16:30:05.000Z')).toBe('2025-02-01 00:30:05');
  });

  it('shows nothing for an unreadable time', () => {
    expect(formatDateTime('not a time')).toBe('');
  });
});

describe('startOfChinaDay', () => {
  it('is 16:00 UTC of the day before', () => {
    expect(startOfChinaDay('2025-02-01')).toBe('2025-01-31T16:00:00.000Z');
  });
});
