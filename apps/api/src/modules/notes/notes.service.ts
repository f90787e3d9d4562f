import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MonthlyNoteDto, MonthlyNotesPageDto, MonthlyNoteVersionDto, NotesIndustryDto } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import type { AccessScope } from '../../core/security/access-scope';
import { AuditService } from '../audit/audit.service';
import type { NotesQuery } from './dto/notes.query';
import type { PutMonthlyNoteDto } from './dto/put-monthly-note.dto';
import { MonthlyNote } from './entities/monthly-note.entity';
import { MonthlyNoteVersion } from './entities/monthly-note-version.entity';
import { Problem } from './entities/problem.entity';
import { IndustryDirectory, type IndustryInfo, isUniqueViolation } from './industry-directory';
import { NotesException } from './notes.exception';
import { parsePeriod, periodText, toMonthlyNoteDto, toMonthlyNoteVersionDto } from './notes.mapper';
import { canRead, type NotesViewer, NotesViewerService, restrictToViewer } from './notes-viewer.service';
import { shanghaiDate } from './rules/overdue';

const TEXT_FIELDS = ['progress', 'problems', 'suggestions'] as const;

/**
 * Lead units' monthly notes (工作进展、存在问题、意见建议) per industry and month. Every save of a
 * changed text adds a version; the note's `current_version` names the latest. Reads are narrowed to
 * the viewer's industries in SQL (see NotesViewerService).
 */
@Injectable()
export class NotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly viewers: NotesViewerService,
    private readonly directory: IndustryDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Current notes, newest month first, filtered and narrowed to the viewer. */
  async list(query: NotesQuery, scope?: AccessScope): Promise<MonthlyNotesPageDto> {
    const viewer = await this.viewers.resolve(scope);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource.getRepository(MonthlyNote).createQueryBuilder('n').innerJoin('industry_node', 'i', 'i.id = n.industry_node_id');
    restrictToViewer(qb, viewer, 'n.industry_node_id');
    if (query.industry) qb.andWhere('n.industry_node_id IN (:...industryIds)', { industryIds: await this.directory.withDescendants(query.industry) });
    if (query.period) {
      const { year, month } = parsePeriod(query.period);
      qb.andWhere('n.period_year = :year AND n.period_month = :month', { year, month });
    }
    if (query.unit) qb.andWhere('n.unit = :unit', { unit: query.unit });
    if (query.mine) qb.andWhere('n.unit = :mine', { mine: viewer.unit ?? '' });
    const total = await qb.getCount();
    const notes = await qb
      .orderBy('n.period_year', 'DESC')
      .addOrderBy('n.period_month', 'DESC')
      .addOrderBy('i.framework_id', 'ASC')
      .addOrderBy('i.sort_order', 'ASC')
      .addOrderBy('n.unit', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getMany();
    return { items: await this.toDtos(notes, viewer), total, page, pageSize };
  }

  /**
   * The notes of one month (current versions), for the monthly brief: every industry the scope may
   * read (all without a scope), in catalog order.
   */
  async forMonth(year: number, month: number, scope?: AccessScope): Promise<MonthlyNoteDto[]> {
    const viewer = await this.viewers.resolve(scope);
    const qb = this.dataSource
      .getRepository(MonthlyNote)
      .createQueryBuilder('n')
      .innerJoin('industry_node', 'i', 'i.id = n.industry_node_id')
      .where('n.period_year = :year AND n.period_month = :month', { year, month });
    restrictToViewer(qb, viewer, 'n.industry_node_id');
    const notes = await qb.orderBy('i.framework_id', 'ASC').addOrderBy('i.sort_order', 'ASC').addOrderBy('n.unit', 'ASC').getMany();
    return this.toDtos(notes, viewer);
  }

  async get(id: number, scope?: AccessScope): Promise<MonthlyNoteDto> {
    const viewer = await this.viewers.resolve(scope);
    const note = await this.visibleNote(id, viewer);
    return (await this.toDtos([note], viewer))[0];
  }

  /** Every saved version, newest first. */
  async versions(id: number, scope?: AccessScope): Promise<MonthlyNoteVersionDto[]> {
    const viewer = await this.viewers.resolve(scope);
    const note = await this.visibleNote(id, viewer);
    const rows = await this.dataSource.getRepository(MonthlyNoteVersion).find({ where: { noteId: note.id }, order: { version: 'DESC' } });
    return rows.map(toMonthlyNoteVersionDto);
  }

  /** Industries for the notes page: those the viewer reads, with the units a problem can be given to. */
  async industries(scope?: AccessScope): Promise<NotesIndustryDto[]> {
    const viewer = await this.viewers.resolve(scope);
    const nodes = await this.directory.all();
    return nodes
      .filter((n) => canRead(viewer, n.id))
      .map((n) => {
        const catalog = IndustryDirectory.catalogUnits(n, nodes);
        const own = viewer.isLeadUnit && viewer.unit ? [viewer.unit] : [];
        return {
          code: n.code,
          name: n.name,
          frameworkCode: n.frameworkCode,
          leadUnit: n.leadUnit,
          ownerUnits: [...new Set([...own, ...catalog])],
          writable: viewer.writable.has(n.id),
        };
      });
  }

  /**
   * Saves the signed-in lead unit's note of an industry and month: the first save creates it
   * (version 1), a changed text adds a version, an unchanged one changes nothing. `baseVersion` must
   * name the current version when the note exists (no silent overwrite of someone else's save).
   */
  async put(industryCode: string, period: string, body: PutMonthlyNoteDto, scope: AccessScope): Promise<MonthlyNoteDto> {
    const viewer = await this.viewers.resolve(scope);
    const industry = await this.directory.byCode(industryCode);
    if (!viewer.writable.has(industry.id) || !viewer.unit) throw NotesException.industryNotLed(industry.name);
    const { year, month } = this.checkPeriod(period);
    const unit = viewer.unit;
    const text = { progress: body.progress, problems: body.problems, suggestions: body.suggestions };
    const base = body.baseVersion ?? null;
    const now = this.clock.now();
    try {
      const noteId = await this.dataSource.transaction(async (m) => {
        const existing = await m.getRepository(MonthlyNote).findOneBy({ industryNodeId: industry.id, periodYear: year, periodMonth: month, unit });
        if (!existing) return this.create(m, industry, year, month, unit, text, viewer, now);
        if (base !== existing.currentVersion) throw NotesException.noteChanged(existing.currentVersion, base);
        const current = await m.getRepository(MonthlyNoteVersion).findOneByOrFail({ noteId: existing.id, version: existing.currentVersion });
        const changes = Object.fromEntries(TEXT_FIELDS.filter((f) => current[f] !== text[f]).map((f) => [f, { from: current[f], to: text[f] }]));
        if (!Object.keys(changes).length) return existing.id;
        const next = existing.currentVersion + 1;
        const res = await m
          .createQueryBuilder()
          .update(MonthlyNote)
          .set({ currentVersion: next, updatedAt: now })
          .where('id = :id AND current_version = :v', { id: existing.id, v: existing.currentVersion })
          .execute();
        if (!res.affected) throw NotesException.concurrentChange();
        await m.getRepository(MonthlyNoteVersion).insert({ noteId: existing.id, version: next, ...text, createdByUserId: viewer.userId, createdByName: viewer.name, createdAt: now });
        await this.audit.record({
          action: 'note.update',
          objectType: 'monthly_note',
          objectId: existing.id,
          manager: m,
          detail: { industry: industry.code, period: periodText(year, month), unit, version: next, changes },
        });
        return existing.id;
      });
      return this.get(noteId, scope);
    } catch (e) {
      if (isUniqueViolation(e)) throw NotesException.concurrentChange();
      throw e;
    }
  }

  private async create(
    m: EntityManager,
    industry: IndustryInfo,
    year: number,
    month: number,
    unit: string,
    text: Record<(typeof TEXT_FIELDS)[number], string>,
    viewer: NotesViewer,
    now: Date,
  ): Promise<number> {
    const inserted = await m.getRepository(MonthlyNote).insert({ industryNodeId: industry.id, periodYear: year, periodMonth: month, unit, currentVersion: 1, updatedAt: now, isDemo: false });
    const id = Number(inserted.identifiers[0].id);
    await m.getRepository(MonthlyNoteVersion).insert({ noteId: id, version: 1, ...text, createdByUserId: viewer.userId, createdByName: viewer.name, createdAt: now });
    await this.audit.record({ action: 'note.create', objectType: 'monthly_note', objectId: id, manager: m, detail: { industry: industry.code, period: periodText(year, month), unit, version: 1, ...text } });
    return id;
  }

  /** `YYYY-MM` not after the current month (Asia/Shanghai). */
  checkPeriod(period: string): { year: number; month: number } {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw NotesException.invalidPeriod(period);
    const current = shanghaiDate(this.clock.now()).slice(0, 7);
    if (period > current) throw NotesException.futurePeriod(period, current);
    return parsePeriod(period);
  }

  private async visibleNote(id: number, viewer: NotesViewer): Promise<MonthlyNote> {
    const qb = this.dataSource.getRepository(MonthlyNote).createQueryBuilder('n').where('n.id = :id', { id });
    restrictToViewer(qb, viewer, 'n.industry_node_id');
    const note = await qb.getOne();
    // A note outside the scope is answered like a missing one (its existence is not confirmed).
    if (!note) throw NotesException.noteNotFound(id);
    return note;
  }

  private async toDtos(notes: MonthlyNote[], viewer: NotesViewer): Promise<MonthlyNoteDto[]> {
    if (!notes.length) return [];
    const [versions, industries, links] = await Promise.all([
      this.dataSource.getRepository(MonthlyNoteVersion).find({ where: notes.map((n) => ({ noteId: n.id, version: n.currentVersion })) }),
      this.directory.all(),
      this.dataSource
        .getRepository(Problem)
        .createQueryBuilder('p')
        .select(['p.id', 'p.noteId'])
        .where('p.note_id IN (:...ids)', { ids: notes.map((n) => n.id) })
        .orderBy('p.id', 'ASC')
        .getMany(),
    ]);
    const versionOf = new Map(versions.map((v) => [v.noteId, v]));
    const industryOf = new Map(industries.map((i) => [i.id, i]));
    return notes.map((n) =>
      toMonthlyNoteDto(n, versionOf.get(n.id)!, industryOf.get(n.industryNodeId)!, {
        canEdit: viewer.writable.has(n.industryNodeId) && n.unit === viewer.unit,
        linkedProblemIds: links.filter((p) => p.noteId === n.id).map((p) => p.id),
      }),
    );
  }
}
