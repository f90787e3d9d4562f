import type { ProblemStatus } from '@im/contracts';

/**
 * The problem list's status rules (对账销号): open → in_progress → closed; a problem may also be closed
 * straight from open (solved at once); closed → open reopens it. Closing needs a closing note
 * (销号说明), reopening a reason. Anything else is refused.
 */
export const PROBLEM_TRANSITIONS: Readonly<Record<ProblemStatus, readonly ProblemStatus[]>> = {
  open: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: ['open'],
};

export type TransitionVerdict =
  | { ok: true; kind: 'start' | 'close' | 'reopen' }
  | { ok: false; reason: 'same_status' | 'not_allowed' | 'note_required' };

/** Whether `from → to` is allowed with this note (whitespace-only notes count as none). */
export function checkTransition(from: ProblemStatus, to: ProblemStatus, note: string | null | undefined): TransitionVerdict {
  if (from === to) return { ok: false, reason: 'same_status' };
  if (!PROBLEM_TRANSITIONS[from].includes(to)) return { ok: false, reason: 'not_allowed' };
  const kind = to === 'closed' ? 'close' : from === 'closed' ? 'reopen' : 'start';
  if ((kind === 'close' || kind === 'reopen') && !note?.trim()) return { ok: false, reason: 'note_required' };
  return { ok: true, kind };
}

/** The statuses a problem may move to from `from` (for the UI's buttons and for error messages). */
export function nextStatuses(from: ProblemStatus): readonly ProblemStatus[] {
  return PROBLEM_TRANSITIONS[from];
}
