import type { ProblemStatus } from '@im/contracts';

/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date (`YYYY-MM-DD`) in Asia/Shanghai at the instant `at`. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (no 2025-02-30). */
export function isCalendarDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Days a problem is overdue on `today` (Asia/Shanghai date): the due date is the last day to finish,
 * so a problem due today is not overdue; from the next day on it is, unless it is closed. 0 = not overdue.
 */
export function daysOverdue(dueDate: string, status: ProblemStatus, today: string): number {
  if (status === 'closed') return 0;
  return Math.max(0, daysBetween(dueDate, today));
}
