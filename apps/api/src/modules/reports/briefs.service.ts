import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import type { BriefContentDto, BriefDto, BriefKind, BriefSummaryDto, BriefTrigger, GenerateBriefResultDto } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import type { AccessScope } from '../../core/security/access-scope';
import { currentRequestContext } from '../../core/security/request-context';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { BriefBuilder, cityScopeKey, districtScopeKey } from './builder/brief-builder.service';
import { BriefTemplatesService } from './brief-templates.service';
import { Brief } from './entities/brief.entity';
import { exportFileName } from './export/brief-cells';
import { buildBriefDocx } from './export/brief-docx';
import { buildBriefXlsx } from './export/brief-xlsx';
import { ReportsException } from './reports.exception';

export interface GenerateOptions {
  kind: BriefKind;
  year: number;
  month: number;
  trigger: BriefTrigger;
  /** Only these scopes (default: the city and every district and development zone). */
  scopes?: string[];
}

export function encodeContent(content: BriefContentDto): string {
  return gzipSync(Buffer.from(JSON.stringify(content), 'utf8')).toString('base64');
}

export function decodeContent(gz: string): BriefContentDto {
  return JSON.parse(gunzipSync(Buffer.from(gz, 'base64')).toString('utf8')) as BriefContentDto;
}

/** SHA-256 of what the brief says (the date line left out: a regeneration on another day with the same figures is the same brief). */
export function contentHash(content: BriefContentDto): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...content, dateLine: '' }))
    .digest('hex');
}

function summaryOf(b: Brief, periodLabel: string): BriefSummaryDto {
  return {
    id: b.id,
    kind: b.kind,
    year: b.year,
    month: b.month,
    scope: b.scope,
    version: b.version,
    generatedAt: b.generatedAt.toISOString(),
    trigger: b.trigger,
    generatedBy: b.generatedByName,
    templateVersion: b.templateVersion,
    templateHash: b.templateHash,
    title: b.title,
    periodLabel,
  };
}

/** The moment in Beijing time, read through the UTC getters (months and years of the brief are Beijing's). */
function bj(d: Date): Date {
  return new Date(d.getTime() + 8 * 3600_000);
}

function periodLabelOf(month: number): string {
  return month === 12 ? '全年' : month === 1 ? '1月' : `1—${month}月`;
}

/**
 * Stored briefs: generation (idempotent by content hash, every version kept), the lists and reads a
 * user may see, and the scope rules:
 * - admin, statistician, leader: every brief (city and district views);
 * - district users: the view of their own district / zone only;
 * - lead units: the city brief, without the sections below the city level (districts, parks) —
 *   they may read sub-city figures only of the industries they lead.
 */
@Injectable()
export class BriefsService {
  private readonly logger = new Logger(BriefsService.name);

  constructor(
    @InjectRepository(Brief) private readonly briefs: Repository<Brief>,
    private readonly builder: BriefBuilder,
    private readonly templates: BriefTemplatesService,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The scopes a generation covers: the city and every district and development zone. */
  async allScopes(): Promise<string[]> {
    const lookup = await this.catalog.lookup();
    const regions = [...lookup.regions.values()].filter((r) => r.type === 'district' || r.type === 'zone').sort((a, b) => a.id - b.id);
    return [cityScopeKey(), ...regions.map((r) => districtScopeKey(r.code))];
  }

  isComplete(year: number, month: number): Promise<boolean> {
    return this.builder.isComplete(year, month);
  }

  /** Whether any brief of the month exists (any version, any scope). */
  async exists(kind: BriefKind, year: number, month: number): Promise<boolean> {
    return (await this.briefs.count({ where: { kind, year, month, scope: cityScopeKey() } })) > 0;
  }

  /**
   * Generates the brief of a month for each scope and stores it as a new version, unless the latest
   * version says exactly the same (content hash): then nothing is written (`created: false`).
   */
  async generate(options: GenerateOptions): Promise<GenerateBriefResultDto> {
    const { kind, year, month, trigger } = options;
    if (month < 1 || month > 12) throw ReportsException.invalidPeriod(`月份应为 1–12：${month}`);
    const templates = await this.templates.effective();
    const actor = currentRequestContext()?.actor ?? null;
    const now = this.clock.now();
    const scopes = options.scopes ?? (await this.allScopes());
    const result: GenerateBriefResultDto = { briefs: [] };
    for (const scope of scopes) {
      const content = await this.builder.build({ kind, year, month, scope, templates: templates.texts, now });
      const hash = contentHash(content);
      result.briefs.push(await this.store({ kind, year, month, scope, trigger, content, hash, templates, actor, now }));
    }
    const created = result.briefs.filter((b) => b.created);
    await this.audit.record({
      action: 'brief.generate',
      objectType: 'brief',
      objectId: `${kind}:${year}-${String(month).padStart(2, '0')}`,
      detail: { trigger, created: created.map((b) => `${b.scope} v${b.version}`), unchanged: result.briefs.length - created.length },
      actor: actor ?? { userId: null, username: 'system', role: null },
    });
    return result;
  }

  /** An admin's (re)generation: refused for a month without any 5+X data, a future month, or an annual report not of December. */
  async generateManual(year: number, month: number, kind: BriefKind): Promise<GenerateBriefResultDto> {
    if (kind === 'annual' && month !== 12) throw ReportsException.invalidPeriod('年度报告对应全年数据：月份 month 应为 12');
    const now = this.clock.now();
    if (year * 100 + month > bj(now).getUTCFullYear() * 100 + bj(now).getUTCMonth() + 1) throw ReportsException.invalidPeriod(`${year}年${month}月尚未到来，不能生成简报`);
    if (!(await this.builder.hasAnyData(year, month))) throw ReportsException.noData(year, month);
    return this.generate({ kind, year, month, trigger: 'manual' });
  }

  /** Generates the month's brief when its data are complete (see BriefBuilder.isComplete); null when not complete. */
  async generateIfComplete(year: number, month: number, trigger: BriefTrigger): Promise<GenerateBriefResultDto | null> {
    if (!(await this.builder.isComplete(year, month))) return null;
    return this.generate({ kind: 'monthly', year, month, trigger });
  }

  /**
   * The schedule's catch-up: every complete month of the last `months` months (as of `now`) that has
   * no brief yet gets one. Months with a brief are left alone (data changes regenerate through the event).
   */
  async catchUp(now: Date, months = 13): Promise<{ generated: string[]; incomplete: string[] }> {
    const generated: string[] = [];
    const incomplete: string[] = [];
    let y = bj(now).getUTCFullYear();
    let m = bj(now).getUTCMonth() + 1;
    for (let i = 0; i < months; i++) {
      m -= 1;
      if (m === 0) {
        m = 12;
        y -= 1;
      }
      const label = `${y}-${String(m).padStart(2, '0')}`;
      if (await this.exists('monthly', y, m)) continue;
      if (!(await this.builder.isComplete(y, m))) {
        incomplete.push(label);
        continue;
      }
      await this.generate({ kind: 'monthly', year: y, month: m, trigger: 'schedule' });
      generated.push(label);
    }
    return { generated, incomplete };
  }

  /** The annual report of the year before `now` (kind annual, month 12), when December is complete. */
  async annualReport(now: Date, trigger: BriefTrigger): Promise<{ year: number; result: GenerateBriefResultDto | null }> {
    const year = bj(now).getUTCFullYear() - 1;
    if (!(await this.builder.isComplete(year, 12))) return { year, result: null };
    return { year, result: await this.generate({ kind: 'annual', year, month: 12, trigger }) };
  }

  private async store(input: {
    kind: BriefKind;
    year: number;
    month: number;
    scope: string;
    trigger: BriefTrigger;
    content: BriefContentDto;
    hash: string;
    templates: { version: number; hash: string };
    actor: { userId: number | null; username: string } | null;
    now: Date;
  }): Promise<GenerateBriefResultDto['briefs'][number]> {
    const { kind, year, month, scope } = input;
    // Two instances (or an event and the schedule) may generate at once: the unique version decides.
    for (let attempt = 0; attempt < 3; attempt++) {
      const latest = await this.briefs.findOne({ where: { kind, year, month, scope }, order: { version: 'DESC' } });
      if (latest && latest.contentHash === input.hash) return { scope, id: latest.id, version: latest.version, created: false };
      try {
        const saved = await this.briefs.save(
          this.briefs.create({
            kind,
            year,
            month,
            scope,
            version: (latest?.version ?? 0) + 1,
            generatedAt: input.now,
            trigger: input.trigger,
            generatedBy: input.actor?.userId ?? null,
            generatedByName: input.actor?.username ?? null,
            templateVersion: input.templates.version,
            templateHash: input.templates.hash,
            contentHash: input.hash,
            title: input.content.title.slice(0, 200),
            contentGz: encodeContent(input.content),
          }),
        );
        return { scope, id: saved.id, version: saved.version, created: true };
      } catch (e) {
        if (!(e instanceof QueryFailedError) || attempt === 2) throw e;
        this.logger.warn(`brief ${kind} ${year}-${month} ${scope}: version taken by a concurrent generation, retrying`);
      }
    }
    throw new Error('unreachable');
  }

  // -------------------------------------------------------------------------------------------
  // Reads

  /** The scope a user's list shows: their district's view for district users, else the one asked for (default the city). */
  private async scopeFor(access: AccessScope, requested?: string): Promise<string> {
    if (access.role === 'district') {
      const lookup = await this.catalog.lookup();
      const region = access.regionId !== null ? lookup.regions.get(access.regionId) : undefined;
      if (!region) return '—';
      return districtScopeKey(region.code);
    }
    if (access.role === 'lead_unit') return cityScopeKey();
    if (!requested) return cityScopeKey();
    if (requested !== cityScopeKey() && !/^district:[a-z0-9._-]+$/.test(requested)) throw ReportsException.invalidScope(requested);
    return requested;
  }

  private async mayRead(access: AccessScope, brief: Brief): Promise<boolean> {
    if (access.seesNothing) return false;
    if (access.role === 'district') return brief.scope === (await this.scopeFor(access));
    if (access.role === 'lead_unit') return brief.scope === cityScopeKey();
    return true;
  }

  /** Latest version of each brief (kind, year, month) of the scope, newest period first. */
  async list(access: AccessScope, options: { year?: number; scope?: string } = {}): Promise<BriefSummaryDto[]> {
    if (access.seesNothing) return [];
    const scope = await this.scopeFor(access, options.scope);
    const qb = this.briefs
      .createQueryBuilder('b')
      .select(['b.id', 'b.kind', 'b.year', 'b.month', 'b.scope', 'b.version', 'b.generatedAt', 'b.trigger', 'b.generatedByName', 'b.templateVersion', 'b.templateHash', 'b.title'])
      .where('b.scope = :scope', { scope })
      .andWhere(
        'b.version = (SELECT MAX(b2.version) FROM brief b2 WHERE b2.kind = b.kind AND b2.year = b.year AND b2.month = b.month AND b2.scope = b.scope)',
      );
    if (options.year) qb.andWhere('b.year = :year', { year: options.year });
    const rows = await qb.orderBy('b.year', 'DESC').addOrderBy('b.month', 'DESC').addOrderBy('b.kind', 'ASC').getMany();
    return rows.map((b) => summaryOf(b, periodLabelOf(b.month)));
  }

  async get(id: number, access: AccessScope): Promise<BriefDto> {
    const brief = await this.briefs.findOneBy({ id });
    if (!brief || !(await this.mayRead(access, brief))) throw ReportsException.briefNotFound(id);
    const versions = await this.briefs.find({
      select: ['id', 'kind', 'year', 'month', 'scope', 'version', 'generatedAt', 'trigger', 'generatedByName', 'templateVersion', 'templateHash', 'title'],
      where: { kind: brief.kind, year: brief.year, month: brief.month, scope: brief.scope },
      order: { version: 'DESC' },
    });
    const content = decodeContent(brief.contentGz);
    // Lead units read sub-city figures only of the industries they lead: the city brief without its district and park sections.
    const visible: BriefContentDto = access.canSeeBelowCity([]) ? content : { ...content, sections: content.sections.filter((s) => !s.belowCity) };
    return { ...summaryOf(brief, content.periodLabel), content: visible, versions: versions.map((v) => summaryOf(v, content.periodLabel)) };
  }

  /** The brief as a Word or Excel file (what the user may see of it), audited as an export. */
  async exportFile(id: number, access: AccessScope, format: 'docx' | 'xlsx'): Promise<{ fileName: string; body: Buffer }> {
    const brief = await this.get(id, access);
    const body = format === 'docx' ? await buildBriefDocx(brief.content) : await buildBriefXlsx(brief.content);
    const fileName = exportFileName(brief.content.title, format);
    await this.audit.record({
      action: 'export',
      objectType: 'brief',
      objectId: id,
      fileSha256: createHash('sha256').update(body).digest('hex'),
      detail: { fileName, format, version: brief.version, scope: brief.scope },
    });
    return { fileName, body };
  }
}
