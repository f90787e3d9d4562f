/**
 * Wire types of the lead units' monthly notes (工作进展、存在问题、意见建议) and of the problem list
 * tracked until closed (对账销号). Policy: 000 §二(一), 001 三(二)(三), 003 四(二).
 */

/** Status of a tracked problem: open → in_progress → closed (with a closing note); closed → open (reopen, with a reason). */
export const PROBLEM_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export function isProblemStatus(value: unknown): value is ProblemStatus {
  return typeof value === 'string' && (PROBLEM_STATUSES as readonly string[]).includes(value);
}

/** Most characters in each text field of a monthly note. */
export const NOTE_TEXT_MAX = 5000;
/** Most characters in a problem's title / description / closing or reopening note. */
export const PROBLEM_TITLE_MAX = 200;
export const PROBLEM_TEXT_MAX = 2000;

/** The current version of a monthly note: one per (industry, month, unit). */
export interface MonthlyNoteDto {
  id: number;
  industryCode: string;
  industryName: string;
  /** `YYYY-MM`. */
  period: string;
  year: number;
  month: number;
  /** The lead unit (牵头单位) the note is from. */
  unit: string;
  /** 1 for the first save; every edit adds a version. */
  version: number;
  /** 工作进展 */
  progress: string;
  /** 存在问题 */
  problems: string;
  /** 意见建议 */
  suggestions: string;
  /** ISO time (UTC) of the current version. */
  updatedAt: string;
  /** Display name of who saved the current version. */
  updatedBy: string;
  /** The signed-in user may save a new version (a lead unit of this industry, for its own unit's note). */
  canEdit: boolean;
  /** Problems of the list that were raised from this note. */
  linkedProblemIds: number[];
}

/** One saved version of a monthly note (the current one is the highest). */
export interface MonthlyNoteVersionDto {
  version: number;
  progress: string;
  problems: string;
  suggestions: string;
  /** ISO time (UTC). */
  createdAt: string;
  createdBy: string;
}

export interface MonthlyNotesPageDto {
  items: MonthlyNoteDto[];
  total: number;
  page: number;
  pageSize: number;
}

/** Body of `PUT /api/notes/:industryCode/:period`: the note of the signed-in user's unit. */
export interface PutMonthlyNoteRequest {
  progress: string;
  problems: string;
  suggestions: string;
  /**
   * The version the editor started from (null/absent for a new note): when someone saved in between,
   * the save is refused (409) instead of silently overwriting their text.
   */
  baseVersion?: number | null;
}

/** A tracked problem (问题清单). */
export interface ProblemDto {
  id: number;
  industryCode: string;
  industryName: string;
  /** `YYYY-MM` of the month the problem was raised. */
  period: string;
  title: string;
  description: string;
  /** 责任单位 */
  ownerUnit: string;
  /** The lead unit that raised it. */
  raisedByUnit: string;
  /** `YYYY-MM-DD` (Asia/Shanghai calendar date). */
  dueDate: string;
  status: ProblemStatus;
  /** Due date before today (Asia/Shanghai) and not closed. */
  overdue: boolean;
  /** Whole days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** 销号说明 of the latest closing (null while not closed). */
  closingNote: string | null;
  closedAt: string | null;
  /** The monthly note the problem was raised from, when it was. */
  noteId: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** The signed-in user may change title, description, owner and due date (lead unit of the industry). */
  canEdit: boolean;
  /** The signed-in user may move the status (lead unit of the industry or the owner unit). */
  canChangeStatus: boolean;
}

export interface ProblemsPageDto {
  items: ProblemDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Overdue problems among all that match the filters (not only this page). */
  overdueTotal: number;
}

export const PROBLEM_EVENT_KINDS = ['create', 'update', 'status'] as const;
export type ProblemEventKind = (typeof PROBLEM_EVENT_KINDS)[number];

/** One entry of a problem's history. */
export interface ProblemEventDto {
  id: number;
  kind: ProblemEventKind;
  /** ISO time (UTC). */
  at: string;
  by: string;
  fromStatus: ProblemStatus | null;
  toStatus: ProblemStatus | null;
  /** Closing note, reopening reason or the note given with the change. */
  note: string | null;
  /** Changed fields old → new (edits). */
  changes: Record<string, { from: string | null; to: string | null }> | null;
}

export interface CreateProblemRequest {
  industryCode: string;
  /** `YYYY-MM` the problem was raised in. */
  period: string;
  title: string;
  description?: string;
  /** Default: the signed-in lead unit. */
  ownerUnit?: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  /** Raised from this monthly note ("add as tracked problem"). */
  noteId?: number | null;
}

export interface UpdateProblemRequest {
  title?: string;
  description?: string;
  ownerUnit?: string;
  dueDate?: string;
}

export interface ProblemTransitionRequest {
  to: ProblemStatus;
  /** Required to close (销号说明) and to reopen (reason); optional otherwise. */
  note?: string;
}

/** An overdue problem as the monthly brief quotes it. */
export interface OverdueProblemDto {
  id: number;
  industryCode: string;
  industryName: string;
  title: string;
  ownerUnit: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  daysOverdue: number;
  status: Exclude<ProblemStatus, 'closed'>;
  /** `YYYY-MM` raised. */
  period: string;
}

/** An industry as the notes page offers it: which units can own its problems, and whether the user may write. */
export interface NotesIndustryDto {
  code: string;
  name: string;
  frameworkCode: string;
  /** 牵头单位 in the catalog (null where the documents name none). */
  leadUnit: string | null;
  /** Units a problem of this industry can be given to: the user's unit first, then the catalog's 牵头/责任单位. */
  ownerUnits: string[];
  /** The signed-in user may file notes and problems for it. */
  writable: boolean;
}
