/**
 * Problems found in a file, as the clerk sees them: file row number (as a spreadsheet numbers it),
 * the column's header as written, a stable code and a Chinese sentence. The collector keeps counts
 * of everything and the issues themselves up to a limit, so a file of a million bad rows cannot
 * exhaust memory.
 */
import { UploadIssueCode, type UploadIssueDto, type UploadIssueGroupDto, type UploadIssueSeverity } from '@im/contracts';

export type Issue = UploadIssueDto;

export interface IssueWhere {
  row?: number | null;
  column?: string | null;
  value?: string | null;
  suggestions?: string[];
}

function make(severity: UploadIssueSeverity, code: UploadIssueCode, message: string, where: IssueWhere = {}): Issue {
  const issue: Issue = { row: where.row ?? null, column: where.column ?? null, code, severity, message };
  if (where.value !== undefined && where.value !== null) issue.value = where.value.length > 200 ? `${where.value.slice(0, 197)}…` : where.value;
  if (where.suggestions?.length) issue.suggestions = where.suggestions;
  return issue;
}

export const issueError = (code: UploadIssueCode, message: string, where?: IssueWhere): Issue => make('error', code, message, where);
export const issueWarning = (code: UploadIssueCode, message: string, where?: IssueWhere): Issue => make('warning', code, message, where);

/** Rows kept per issue group in the summary. */
const GROUP_ROWS = 20;

export class IssueCollector {
  readonly kept: Issue[] = [];
  errors = 0;
  warnings = 0;
  /** Rows with at least one error. */
  readonly errorRows = new Set<number>();
  /** A problem of the whole file (row null) with severity error: nothing can be committed. */
  fileErrors = 0;
  truncated = false;
  private readonly groups = new Map<string, UploadIssueGroupDto>();

  constructor(private readonly limit: number) {}

  add(issue: Issue): void {
    if (issue.severity === 'error') {
      this.errors++;
      if (issue.row === null) this.fileErrors++;
      else this.errorRows.add(issue.row);
    } else {
      this.warnings++;
    }
    const key = `${issue.severity}|${issue.code}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { code: issue.code, severity: issue.severity, count: 0, rows: [] };
      this.groups.set(key, group);
    }
    group.count++;
    if (issue.row !== null && group.rows.length < GROUP_ROWS && !group.rows.includes(issue.row)) group.rows.push(issue.row);
    if (this.kept.length < this.limit) this.kept.push(issue);
    else this.truncated = true;
  }

  addAll(issues: Iterable<Issue>): void {
    for (const i of issues) this.add(i);
  }

  hasRowError(row: number): boolean {
    return this.errorRows.has(row);
  }

  /** Errors first (by count), then warnings. */
  summary(): UploadIssueGroupDto[] {
    return [...this.groups.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
  }

  /** Issues sorted as the clerk reads them: problems of the whole file first, then by row. */
  sorted(): Issue[] {
    return this.kept
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => (a.issue.row ?? -1) - (b.issue.row ?? -1) || a.i - b.i)
      .map((x) => x.issue);
  }
}

export { UploadIssueCode };
