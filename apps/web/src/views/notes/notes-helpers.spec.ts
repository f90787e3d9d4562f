import { describe, expect, it } from 'vitest';
import type { NotesIndustryDto } from '@im/contracts';
import { currentMonth, groupByFramework, nextActions, previousMonth, statusTagType } from './notes-helpers';

const industry = (code: string, frameworkCode: string): NotesIndustryDto => ({ code, name: code, frameworkCode, leadUnit: null, ownerUnits: [], writable: false });

describe('notes helpers', () => {
  it('offers the status moves the server allows', () => {
    expect(nextActions('open')).toEqual(['start', 'close']);
    expect(nextActions('in_progress')).toEqual(['close']);
    expect(nextActions('closed')).toEqual(['reopen']);
    expect(statusTagType('closed')).toBe('success');
  });

  it('groups industries by framework in the order given', () => {
    const groups = groupByFramework([industry('a', 'xm-446'), industry('b', 'xm-sei-5x'), industry('c', 'xm-446')]);
    expect(groups.map((g) => [g.framework, g.items.map((i) => i.code)])).toEqual([
      ['xm-446', ['a', 'c']],
      ['xm-sei-5x', ['b']],
    ]);
  });

  it('takes months in China Standard Time', () => {
    expect(previousMonth(new Date('2025-01-10T00:00:00Z'))).toBe('2024-12');
    // 2025-10-31 17:00 UTC is already 1 November in Xiamen.
    expect(previousMonth(new Date('2025-10-31T17:00:00Z'))).toBe('2025-10');
    expect(currentMonth(new Date('2025-10-31T17:00:00Z'))).toBe('2025-11');
  });
});
