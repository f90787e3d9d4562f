import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { OverdueProblemDto, ProblemDto, ProblemEventDto, ProblemsPageDto, ProblemStatus } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import type { AccessScope } from '../../core/security/access-scope';
import { AuditService } from '../audit/audit.service';
import type { CreateProblemDto, ProblemTransitionDto, UpdateProblemDto } from './dto/problem.dto';
import type { ProblemsQuery } from './dto/problems.query';
import { MonthlyNote } from './entities/monthly-note.entity';
import { ProblemEvent } from './entities/problem-event.entity';
import { Problem } from './entities/problem.entity';
import { IndustryDirectory, type IndustryInfo } from './industry-directory';
import { NotesException } from './notes.exception';
import { parsePeriod, periodText, toProblemDto, toProblemEventDto } from './notes.mapper';
import { type NotesViewer, NotesViewerService, restrictToViewer } from './notes-viewer.service';
import { NotesService } from './notes.service';
import { checkTransition, nextStatuses } from './rules/problem-status';
import { daysOverdue, isCalendarDate, shanghaiDate } from './rules/overdue';
import { containsPattern } from '../../core/database/like';

type Editable = 'title' | 'description' | 'ownerUnit' | 'dueDate';
const EDITABLE: readonly Editable[] = ['title', 'description', 'ownerUnit', 'dueDate'];

/**
 * The problem list (问题清单): problems raised by lead units, with owner unit (责任单位), due date and
 * status open → in_progress → closed (销号, with a closing note); reopen with a reason. Every change
 * writes a history entry and an audit record in the same transaction. Overdue = due date before
 * today in Asia/Shanghai (from the injected Clock) and not closed.
 */
@Injectable()
export class ProblemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly viewers: NotesViewerService,
    private readonly directory: IndustryDirectory,
    private readonly notes: NotesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Today's calendar date in Asia/Shanghai, per the clock. */
  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async list(query: ProblemsQuery, scope?: AccessScope): Promise<ProblemsPageDto> {
    const viewer = await this.viewers.resolve(scope);
    const today = this.today();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(Problem).createQueryBuilder('p');
    restrictToViewer(qb, viewer, 'p.industry_node_id', 'p.owner_unit');
    if (query.industry) qb.andWhere('p.industry_node_id IN (:...industryIds)', { industryIds: await this.directory.withDescendants(query.industry) });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.owner) qb.andWhere('p.owner_unit = :owner', { owner: query.owner });
    if (query.q?.trim()) qb.andWhere("(LOWER(p.title) LIKE :q ESCAPE '!' OR LOWER(p.description) LIKE :q ESCAPE '!')", { q: containsPattern(query.q) });
    if (query.period) {
      const { year, month } = parsePeriod(query.period);
      qb.andWhere('p.period_year = :year AND p.period_month = :month', { year, month });
    }
    if (query.noteId) qb.andWhere('p.note_id = :noteId', { noteId: query.noteId });
    if (query.overdue === true) whereOverdue(qb, today);
    if (query.overdue === false) qb.andWhere("(p.status = 'closed' OR p.due_date >= :todayNot)", { todayNot: today });
    const total = await qb.getCount();
    const overdueTotal = query.overdue === false ? 0 : await whereOverdue(qb.clone(), today).getCount();
    const rows = await qb
      // Open work first (earliest due first), closed last (latest closed first).
      .orderBy("CASE WHEN p.status = 'closed' THEN 1 ELSE 0 END", 'ASC')
      .addOrderBy('p.due_date', 'ASC')
      .addOrderBy('p.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getMany();
    return { items: await this.toDtos(rows, viewer, today), total, page, pageSize, overdueTotal };
  }

  /**
   * Overdue problems as of a moment (due date before that day in Asia/Shanghai, not closed), most
   * overdue first — for the monthly brief and reminders. Without a scope: every problem.
   */
  async listOverdue(asOf: Date, scope?: AccessScope): Promise<OverdueProblemDto[]> {
    const viewer = await this.viewers.resolve(scope);
    const today = shanghaiDate(asOf);
    const qb = this.dataSource.getRepository(Problem).createQueryBuilder('p');
    restrictToViewer(qb, viewer, 'p.industry_node_id', 'p.owner_unit');
    const rows = await whereOverdue(qb, today).orderBy('p.due_date', 'ASC').addOrderBy('p.id', 'ASC').getMany();
    const industries = new Map((await this.directory.all()).map((i) => [i.id, i]));
    return rows.map((p) => {
      const industry = industries.get(p.industryNodeId)!;
      return {
        id: p.id,
        industryCode: industry.code,
        industryName: industry.name,
        title: p.title,
        ownerUnit: p.ownerUnit,
        dueDate: p.dueDate,
        daysOverdue: daysOverdue(p.dueDate, p.status, today),
        status: p.status as Exclude<ProblemStatus, 'closed'>,
        period: periodText(p.periodYear, p.periodMonth),
      };
    });
  }

  async get(id: number, scope?: AccessScope): Promise<ProblemDto> {
    const viewer = await this.viewers.resolve(scope);
    const problem = await this.visible(id, viewer);
    return (await this.toDtos([problem], viewer, this.today()))[0];
  }

  /** The problem's history, oldest first. */
  async history(id: number, scope?: AccessScope): Promise<ProblemEventDto[]> {
    const viewer = await this.viewers.resolve(scope);
    const problem = await this.visible(id, viewer);
    const events = await this.dataSource.getRepository(ProblemEvent).find({ where: { problemId: problem.id }, order: { id: 'ASC' } });
    return events.map(toProblemEventDto);
  }

  async create(body: CreateProblemDto, scope: AccessScope): Promise<ProblemDto> {
    const viewer = await this.viewers.resolve(scope);
    const nodes = await this.directory.all();
    const industry = nodes.find((n) => n.code === body.industryCode);
    if (!industry) throw NotesException.industryNotFound(body.industryCode);
    if (!viewer.writable.has(industry.id) || !viewer.unit) throw NotesException.industryNotLed(industry.name);
    const { year, month } = this.notes.checkPeriod(body.period);
    if (!isCalendarDate(body.dueDate)) throw NotesException.invalidDueDate(body.dueDate);
    const ownerUnit = checkOwnerUnit(body.ownerUnit ?? viewer.unit, industry, nodes, viewer);
    if (body.noteId) {
      const note = await this.dataSource.getRepository(MonthlyNote).findOneBy({ id: body.noteId });
      if (!note || note.industryNodeId !== industry.id) throw NotesException.noteLinkInvalid();
    }
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (m) => {
      const inserted = await m.getRepository(Problem).insert({
        industryNodeId: industry.id,
        periodYear: year,
        periodMonth: month,
        title: body.title,
        description: body.description ?? '',
        ownerUnit,
        raisedByUnit: viewer.unit!,
        dueDate: body.dueDate,
        status: 'open',
        closingNote: null,
        closedAt: null,
        noteId: body.noteId ?? null,
        createdByUserId: viewer.userId,
        createdByName: viewer.name,
        createdAt: now,
        updatedAt: now,
        isDemo: false,
      });
      const problemId = Number(inserted.identifiers[0].id);
      await m.getRepository(ProblemEvent).insert({ problemId, kind: 'create', fromStatus: null, toStatus: 'open', note: null, changes: null, userId: viewer.userId, userName: viewer.name, at: now });
      await this.audit.record({
        action: 'problem.create',
        objectType: 'problem',
        objectId: problemId,
        manager: m,
        detail: { industry: industry.code, period: periodText(year, month), title: body.title, ownerUnit, dueDate: body.dueDate, noteId: body.noteId ?? null },
      });
      return problemId;
    });
    return this.get(id, scope);
  }

  /** Title, description, owner unit, due date — by a lead unit of the industry, while not closed. */
  async update(id: number, body: UpdateProblemDto, scope: AccessScope): Promise<ProblemDto> {
    const viewer = await this.viewers.resolve(scope);
    const problem = await this.visible(id, viewer);
    const nodes = await this.directory.all();
    const industry = nodes.find((n) => n.id === problem.industryNodeId)!;
    if (!viewer.writable.has(problem.industryNodeId)) throw NotesException.industryNotLed(industry.name);
    if (problem.status === 'closed') throw NotesException.problemClosed();
    if (body.dueDate !== undefined && !isCalendarDate(body.dueDate)) throw NotesException.invalidDueDate(body.dueDate);
    if (body.ownerUnit !== undefined && body.ownerUnit !== problem.ownerUnit) checkOwnerUnit(body.ownerUnit, industry, nodes, viewer);
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const f of EDITABLE) {
      const to = body[f];
      if (to !== undefined && to !== problem[f]) changes[f] = { from: problem[f], to };
    }
    if (!Object.keys(changes).length) return this.get(id, scope);
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const set = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
      const res = await m
        .createQueryBuilder()
        .update(Problem)
        .set({ ...set, updatedAt: now })
        .where('id = :id AND status = :status', { id, status: problem.status })
        .execute();
      if (!res.affected) throw NotesException.concurrentChange();
      await m.getRepository(ProblemEvent).insert({ problemId: id, kind: 'update', fromStatus: null, toStatus: null, note: null, changes: JSON.stringify(changes), userId: viewer.userId, userName: viewer.name, at: now });
      await this.audit.record({ action: 'problem.update', objectType: 'problem', objectId: id, manager: m, detail: { changes } });
    });
    return this.get(id, scope);
  }

  /** open → in_progress → closed (closing note required); closed → open (reason required). */
  async transition(id: number, body: ProblemTransitionDto, scope: AccessScope): Promise<ProblemDto> {
    const viewer = await this.viewers.resolve(scope);
    const problem = await this.visible(id, viewer);
    if (!this.canChangeStatus(problem, viewer)) throw NotesException.problemNotYours();
    const verdict = checkTransition(problem.status, body.to, body.note);
    if (!verdict.ok) {
      if (verdict.reason === 'same_status') throw NotesException.statusUnchanged(problem.status);
      if (verdict.reason === 'not_allowed') throw NotesException.transitionNotAllowed(problem.status, body.to, nextStatuses(problem.status));
      throw body.to === 'closed' ? NotesException.closingNoteRequired() : NotesException.reopenReasonRequired();
    }
    const note = body.note?.trim() ? body.note.trim() : null;
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const closing = verdict.kind === 'close' ? { closingNote: note, closedAt: now } : verdict.kind === 'reopen' ? { closingNote: null, closedAt: null } : {};
      const res = await m
        .createQueryBuilder()
        .update(Problem)
        .set({ status: body.to, updatedAt: now, ...closing })
        .where('id = :id AND status = :from', { id, from: problem.status })
        .execute();
      if (!res.affected) throw NotesException.concurrentChange();
      await m.getRepository(ProblemEvent).insert({ problemId: id, kind: 'status', fromStatus: problem.status, toStatus: body.to, note, changes: null, userId: viewer.userId, userName: viewer.name, at: now });
      await this.audit.record({ action: 'problem.status', objectType: 'problem', objectId: id, manager: m, detail: { from: problem.status, to: body.to, kind: verdict.kind, note } });
    });
    return this.get(id, scope);
  }

  private canChangeStatus(p: Problem, viewer: NotesViewer): boolean {
    return viewer.writable.has(p.industryNodeId) || (viewer.isLeadUnit && viewer.unit !== null && p.ownerUnit === viewer.unit);
  }

  private async visible(id: number, viewer: NotesViewer): Promise<Problem> {
    const qb = this.dataSource.getRepository(Problem).createQueryBuilder('p').where('p.id = :id', { id });
    restrictToViewer(qb, viewer, 'p.industry_node_id', 'p.owner_unit');
    const problem = await qb.getOne();
    // Outside the scope answers like missing: the problem's existence is not confirmed.
    if (!problem) throw NotesException.problemNotFound(id);
    return problem;
  }

  private async toDtos(rows: Problem[], viewer: NotesViewer, today: string): Promise<ProblemDto[]> {
    if (!rows.length) return [];
    const industries = new Map((await this.directory.all()).map((i) => [i.id, i]));
    return rows.map((p) =>
      toProblemDto(p, industries.get(p.industryNodeId)!, today, {
        canEdit: viewer.writable.has(p.industryNodeId) && p.status !== 'closed',
        canChangeStatus: this.canChangeStatus(p, viewer),
      }),
    );
  }
}

/** Due before `today` and not closed — in SQL (`YYYY-MM-DD` text compares as dates on both drivers). */
function whereOverdue<T extends Problem>(qb: SelectQueryBuilder<T>, today: string): SelectQueryBuilder<T> {
  return qb.andWhere("p.status <> 'closed' AND p.due_date < :todayOverdue", { todayOverdue: today });
}

/**
 * The owner unit of a problem: where the catalog names the industry's lead and responsible units,
 * one of those or the filing unit itself; elsewhere any unit name.
 */
function checkOwnerUnit(unit: string, industry: IndustryInfo, nodes: readonly IndustryInfo[], viewer: NotesViewer): string {
  const catalog = IndustryDirectory.catalogUnits(industry, nodes);
  if (!catalog.length) return unit;
  const choices = [...new Set([...(viewer.unit ? [viewer.unit] : []), ...catalog])];
  if (!choices.includes(unit)) throw NotesException.ownerUnitUnknown(unit, choices);
  return unit;
}
