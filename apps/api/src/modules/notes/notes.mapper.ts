import type { MonthlyNoteDto, MonthlyNoteVersionDto, ProblemDto, ProblemEventDto } from '@im/contracts';
import type { MonthlyNote } from './entities/monthly-note.entity';
import type { MonthlyNoteVersion } from './entities/monthly-note-version.entity';
import type { ProblemEvent } from './entities/problem-event.entity';
import type { Problem } from './entities/problem.entity';
import { daysOverdue } from './rules/overdue';

export const periodText = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** `YYYY-MM` → year and month (the DTO has checked the shape). */
export function parsePeriod(text: string): { year: number; month: number } {
  const [y, m] = text.split('-');
  return { year: Number(y), month: Number(m) };
}

/** Drivers hand out DATETIME as Date (mysql2) or text (SQLite raw rows): ISO either way. */
export function isoTime(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}

export function toMonthlyNoteDto(
  note: MonthlyNote,
  version: MonthlyNoteVersion,
  industry: { code: string; name: string },
  extra: { canEdit: boolean; linkedProblemIds: number[] },
): MonthlyNoteDto {
  return {
    id: note.id,
    industryCode: industry.code,
    industryName: industry.name,
    period: periodText(note.periodYear, note.periodMonth),
    year: note.periodYear,
    month: note.periodMonth,
    unit: note.unit,
    version: note.currentVersion,
    progress: version.progress,
    problems: version.problems,
    suggestions: version.suggestions,
    updatedAt: isoTime(version.createdAt),
    updatedBy: version.createdByName,
    canEdit: extra.canEdit,
    linkedProblemIds: extra.linkedProblemIds,
  };
}

export function toMonthlyNoteVersionDto(v: MonthlyNoteVersion): MonthlyNoteVersionDto {
  return { version: v.version, progress: v.progress, problems: v.problems, suggestions: v.suggestions, createdAt: isoTime(v.createdAt), createdBy: v.createdByName };
}

export function toProblemDto(
  p: Problem,
  industry: { code: string; name: string },
  today: string,
  rights: { canEdit: boolean; canChangeStatus: boolean },
): ProblemDto {
  const days = daysOverdue(p.dueDate, p.status, today);
  return {
    id: p.id,
    industryCode: industry.code,
    industryName: industry.name,
    period: periodText(p.periodYear, p.periodMonth),
    title: p.title,
    description: p.description,
    ownerUnit: p.ownerUnit,
    raisedByUnit: p.raisedByUnit,
    dueDate: p.dueDate,
    status: p.status,
    overdue: days > 0,
    daysOverdue: days,
    closingNote: p.closingNote,
    closedAt: p.closedAt ? isoTime(p.closedAt) : null,
    noteId: p.noteId,
    createdAt: isoTime(p.createdAt),
    createdBy: p.createdByName,
    updatedAt: isoTime(p.updatedAt),
    canEdit: rights.canEdit,
    canChangeStatus: rights.canChangeStatus,
  };
}

export function toProblemEventDto(e: ProblemEvent): ProblemEventDto {
  let changes: ProblemEventDto['changes'] = null;
  if (e.changes) {
    try {
      changes = JSON.parse(e.changes) as ProblemEventDto['changes'];
    } catch {
      changes = null;
    }
  }
  return { id: e.id, kind: e.kind, at: isoTime(e.at), by: e.userName, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, changes };
}
