import type {
  CreateProblemRequest,
  MonthlyNoteDto,
  MonthlyNotesPageDto,
  MonthlyNoteVersionDto,
  NotesIndustryDto,
  ProblemDto,
  ProblemEventDto,
  ProblemsPageDto,
  ProblemStatus,
  ProblemTransitionRequest,
  PutMonthlyNoteRequest,
  UpdateProblemRequest,
} from '@im/contracts';
import { http } from './http';

export interface NotesFilter {
  industry?: string;
  period?: string;
  unit?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export interface ProblemsFilter {
  industry?: string;
  status?: ProblemStatus | '';
  overdue?: boolean | null;
  owner?: string;
  period?: string;
  noteId?: number;
  /** Words in the title or the description. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export function listNotes(filter: NotesFilter = {}, signal?: AbortSignal): Promise<MonthlyNotesPageDto> {
  return http.get<MonthlyNotesPageDto>('/notes', { query: { ...filter }, signal });
}

export function listNotesIndustries(): Promise<NotesIndustryDto[]> {
  return http.get<NotesIndustryDto[]>('/notes/industries');
}

export function getNote(id: number): Promise<MonthlyNoteDto> {
  return http.get<MonthlyNoteDto>(`/notes/${id}`);
}

export function getNoteVersions(id: number): Promise<MonthlyNoteVersionDto[]> {
  return http.get<MonthlyNoteVersionDto[]>(`/notes/${id}/versions`);
}

export function putNote(industryCode: string, period: string, body: PutMonthlyNoteRequest): Promise<MonthlyNoteDto> {
  return http.request<MonthlyNoteDto>(`/notes/${encodeURIComponent(industryCode)}/${period}`, { method: 'PUT', body, silent: true });
}

export function listProblems(filter: ProblemsFilter = {}, signal?: AbortSignal): Promise<ProblemsPageDto> {
  return http.get<ProblemsPageDto>('/problems', { query: { ...filter, overdue: filter.overdue ?? undefined }, signal });
}

export function getProblem(id: number): Promise<ProblemDto> {
  return http.get<ProblemDto>(`/problems/${id}`);
}

export function getProblemHistory(id: number): Promise<ProblemEventDto[]> {
  return http.get<ProblemEventDto[]>(`/problems/${id}/history`);
}

export function createProblem(body: CreateProblemRequest): Promise<ProblemDto> {
  return http.request<ProblemDto>('/problems', { method: 'POST', body, silent: true });
}

export function updateProblem(id: number, body: UpdateProblemRequest): Promise<ProblemDto> {
  return http.request<ProblemDto>(`/problems/${id}`, { method: 'PATCH', body, silent: true });
}

export function transitionProblem(id: number, body: ProblemTransitionRequest): Promise<ProblemDto> {
  return http.request<ProblemDto>(`/problems/${id}/status`, { method: 'POST', body, silent: true });
}
