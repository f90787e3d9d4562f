import { describe, expect, it } from 'vitest';
import { PROBLEM_STATUSES, type ProblemStatus } from '@im/contracts';
import { checkTransition, nextStatuses } from './problem-status';

describe('checkTransition', () => {
  it.each([
    ['open', 'in_progress', undefined, 'start'],
    ['open', 'in_progress', '已协调', 'start'],
    ['open', 'closed', '已解决', 'close'],
    ['in_progress', 'closed', '已解决', 'close'],
    ['closed', 'open', '问题反弹', 'reopen'],
  ] as const)('allows %s → %s (note %s) as %s', (from, to, note, kind) => {
    expect(checkTransition(from, to, note)).toEqual({ ok: true, kind });
  });

  it.each([
    ['open', 'closed'],
    ['in_progress', 'closed'],
    ['closed', 'open'],
  ] as const)('needs a note for %s → %s (none, empty or blank is refused)', (from, to) => {
    for (const note of [undefined, null, '', '   \n ']) expect(checkTransition(from, to, note)).toEqual({ ok: false, reason: 'note_required' });
  });

  it.each([
    ['in_progress', 'open'],
    ['closed', 'in_progress'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(checkTransition(from, to, '说明')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('refuses staying in the same status', () => {
    for (const s of PROBLEM_STATUSES) expect(checkTransition(s, s, '说明')).toEqual({ ok: false, reason: 'same_status' });
  });

  it('agrees with nextStatuses for every pair', () => {
    for (const from of PROBLEM_STATUSES) {
      for (const to of PROBLEM_STATUSES) {
        const verdict = checkTransition(from, to, '说明');
        expect(verdict.ok, `${from} → ${to}`).toBe((nextStatuses(from) as readonly ProblemStatus[]).includes(to));
      }
    }
  });
});
