import type { NotesIndustryDto, ProblemStatus } from '@im/contracts';

/** Element Plus tag type of a problem status. */
export function statusTagType(status: ProblemStatus): 'warning' | 'primary' | 'success' {
  return status === 'open' ? 'warning' : status === 'in_progress' ? 'primary' : 'success';
}

/** The statuses a problem may move to (the server enforces the same rules). */
export function nextActions(status: ProblemStatus): ('start' | 'close' | 'reopen')[] {
  if (status === 'open') return ['start', 'close'];
  if (status === 'in_progress') return ['close'];
  return ['reopen'];
}

export const ACTION_TARGET = { start: 'in_progress', close: 'closed', reopen: 'open' } as const satisfies Record<string, ProblemStatus>;

/** Industries grouped by framework, frameworks in their first-seen order (the server sends catalog order). */
export function groupByFramework(industries: readonly NotesIndustryDto[]): { framework: string; items: NotesIndustryDto[] }[] {
  const groups = new Map<string, NotesIndustryDto[]>();
  for (const i of industries) groups.set(i.frameworkCode, [...(groups.get(i.frameworkCode) ?? []), i]);
  return [...groups].map(([framework, items]) => ({ framework, items }));
}

/** `YYYY-MM` of the month before `now` in China Standard Time (the month lead units report on). */
export function previousMonth(now: Date = new Date()): string {
  const cst = new Date(now.getTime() + 8 * 3_600_000);
  const index = cst.getUTCFullYear() * 12 + cst.getUTCMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `YYYY-MM` of `now` in China Standard Time. */
export function currentMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Prefill of a new problem ("track as a problem" from a monthly note). */
export interface ProblemPrefill {
  industryCode?: string;
  period?: string;
  title?: string;
  description?: string;
  noteId?: number | null;
}
