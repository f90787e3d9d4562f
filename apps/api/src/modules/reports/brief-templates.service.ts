import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { BriefTemplateDto, BriefTemplatePreviewDto, BriefTemplateRevisionDto, BriefTemplateSetDto } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import { currentRequestContext } from '../../core/security/request-context';
import { AuditService } from '../audit/audit.service';
import { BriefTemplate } from './entities/brief-template.entity';
import { ReportsException } from './reports.exception';
import { BRIEF_TEMPLATE_SPECS, templateSpec, type TemplateTexts } from './wording/brief-templates';
import {
  behindSentence,
  createWording,
  missingSentence,
  problemsSentence,
  rankingSentence,
  subfieldsSentence,
  subjectSentence,
  yearTargetsSentence,
  type Wording,
} from './wording/brief-wording';
import { fillTemplate, validateTemplate } from './wording/template-engine';

export interface EffectiveTemplates {
  texts: TemplateTexts;
  /** Saved revisions in all (0 = defaults only). */
  version: number;
  hash: string;
}

/** Figures a preview fills a pattern with (clearly sample values). */
const SAMPLE_VALUES: Record<string, string | number> = {
  period: '1—10月',
  region: '全市',
  subject: '新一代信息技术产业',
  indicator: '产值',
  value: '1234.57',
  growth: '同比增长12.3%',
  rate: '12.3',
  previousRate: '0.8',
  completion: '85.6',
  gap: '2.3',
  timeProgress: '83.3',
  name: '集成电路',
  parent: '新一代信息技术产业',
  pull: '4.5',
  strongest: '集成电路同比增长33.3%，拉动新一代信息技术产业增长10.0个百分点',
  weakest: '新型显示同比下降5.0%，下拉新一代信息技术产业增速2.0个百分点',
  leading: '湖里区（同比增长20.0%）',
  lagging: '同安区（同比下降2.5%）',
  what: '分区域',
  year: 2026,
  count: 2,
  list: '湖里区新一代信息技术产值、全市海洋高新产值',
  title: '集成电路项目用地指标不足',
  owner: '市工信局',
  due: '2026年9月30日',
};

/** Whole sentences written with a pattern set: the preview shows those a changed pattern takes part in. */
function sampleSentences(w: Wording): string[] {
  return [
    subjectSentence(w, 10, '全市', { subject: '新一代信息技术产业', indicator: '产值', valueWan: 12345678, yoyPct: 12.34, target: { completionPct: 85.6 } }),
    subjectSentence(w, 5, '全市', { subject: '生物医药与健康产业', indicator: '产值', valueWan: 3000000, yoyPct: -4.4, target: { completionPct: 30 } }),
    subjectSentence(w, 3, '湖里区', { subject: '数字创意产业', indicator: '营收', valueWan: 50000, yoyPct: 0, target: null }),
    subjectSentence(w, 11, '全市', { subject: '海洋高新产业', indicator: '产值', valueWan: 9000000, yoyPct: 3, previousYoyPct: -1, target: { completionPct: 101.2 } }),
    subjectSentence(w, 12, '全市', { subject: '新材料与新能源产业', indicator: '产值', valueWan: 14000000, yoyPct: 8, target: { completionPct: 96.8 } }),
    subjectSentence(w, 12, '全市', { subject: '新一代信息技术产业', indicator: '产值', valueWan: 70000000, yoyPct: 9, target: { completionPct: 104.5 } }),
    subjectSentence(w, 6, '全市', { subject: '海洋高新产业', indicator: '产值', valueWan: null, yoyPct: 6.1, target: { completionPct: 50 } }),
    subjectSentence(w, 10, '全市', { subject: '数字创意产业', indicator: '营收', valueWan: null, yoyPct: null }),
    subjectSentence(w, 1, '全市', { subject: '新材料与新能源产业', indicator: '产值', valueWan: 1234500, yoyPct: null }),
    subjectSentence(w, 6, '全市', { subject: '数字创意产业', indicator: '营收', valueWan: 600000, yoyPct: 5, target: { completionPct: 50 } }),
    subfieldsSentence(w, '新一代信息技术产业', [
      { name: '集成电路', yoyPct: 33.3, pullPp: 10 },
      { name: '新型显示', yoyPct: -5, pullPp: -2 },
    ]) ?? '',
    subfieldsSentence(w, '新一代信息技术产业', [{ name: '集成电路', yoyPct: 33.3, pullPp: 10 }]) ?? '',
    rankingSentence(w, 'regions', [
      { name: '湖里区', yoyPct: 20 },
      { name: '海沧区', yoyPct: 15 },
      { name: '思明区', yoyPct: 3 },
      { name: '同安区', yoyPct: -2.5 },
    ]),
    rankingSentence(w, 'parks', [
      { name: '软件园', yoyPct: 11.1 },
      { name: '海沧南部园区', yoyPct: 14.3 },
    ]),
    rankingSentence(w, 'parks', []),
    behindSentence(w, [{ name: '新一代信息技术产业规模', completionPct: 80, month: 10 }]),
    behindSentence(w, [{ name: '数字创意产业总规模', completionPct: 60, month: 6 }]),
    behindSentence(w, [], 2026),
    yearTargetsSentence(w, [104.5, 96.8], 2025),
    missingSentence(w, ['湖里区新一代信息技术产值', '全市海洋高新产值']),
    missingSentence(w, []),
    problemsSentence(w, [{ title: '集成电路项目用地指标不足', owner: '市工信局', due: '2026年9月30日' }]),
    problemsSentence(w, []),
  ];
}

/**
 * The brief's wording patterns: defaults in code, an admin's revisions in `brief_template` (only ever
 * added; the highest revision of a key is current, an empty text restores the default).
 */
@Injectable()
export class BriefTemplatesService {
  constructor(
    @InjectRepository(BriefTemplate) private readonly repo: Repository<BriefTemplate>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async currentRows(): Promise<Map<string, BriefTemplate>> {
    const rows = await this.repo.find({ order: { key: 'ASC', revision: 'ASC' } });
    const current = new Map<string, BriefTemplate>();
    for (const r of rows) current.set(r.key, r);
    return current;
  }

  async effective(): Promise<EffectiveTemplates> {
    const current = await this.currentRows();
    const texts: Record<string, string> = {};
    for (const spec of BRIEF_TEMPLATE_SPECS) {
      const row = current.get(spec.key);
      texts[spec.key] = row && row.text !== '' ? row.text : spec.text;
    }
    const version = await this.repo.count();
    const hash = createHash('sha256')
      .update(JSON.stringify(Object.entries(texts).sort(([a], [b]) => a.localeCompare(b))))
      .digest('hex');
    return { texts, version, hash };
  }

  async set(): Promise<BriefTemplateSetDto> {
    const [current, eff] = await Promise.all([this.currentRows(), this.effective()]);
    const templates: BriefTemplateDto[] = BRIEF_TEMPLATE_SPECS.map((spec) => {
      const row = current.get(spec.key);
      return {
        key: spec.key,
        description: spec.description,
        text: eff.texts[spec.key],
        defaultText: spec.text,
        isDefault: eff.texts[spec.key] === spec.text,
        placeholders: spec.placeholders.map((p) => ({ ...p })),
        revision: row?.revision ?? 0,
        updatedBy: row?.updatedBy ?? null,
        updatedAt: row ? row.updatedAt.toISOString() : null,
      };
    });
    return { version: eff.version, hash: eff.hash, templates };
  }

  async history(key: string): Promise<BriefTemplateRevisionDto[]> {
    if (!templateSpec(key)) throw ReportsException.templateNotFound(key);
    const rows = await this.repo.find({ where: { key }, order: { revision: 'DESC' } });
    return rows.map((r) => ({ key: r.key, revision: r.revision, text: r.text, updatedBy: r.updatedBy, updatedAt: r.updatedAt.toISOString() }));
  }

  /** Saves a new revision (validated); an empty text restores the default. */
  async put(key: string, text: string): Promise<BriefTemplateDto> {
    const spec = templateSpec(key);
    if (!spec) throw ReportsException.templateNotFound(key);
    const restore = text.trim() === '';
    if (!restore) {
      const errors = validateTemplate(key, text);
      if (errors.length) throw ReportsException.templateInvalid(errors);
    }
    const actor = currentRequestContext()?.actor ?? null;
    await this.repo.manager.transaction(async (m) => {
      const last = await m.getRepository(BriefTemplate).findOne({ where: { key }, order: { revision: 'DESC' } });
      const previous = last && last.text !== '' ? last.text : spec.text;
      const saved = await m.getRepository(BriefTemplate).save(
        m.getRepository(BriefTemplate).create({ key, revision: (last?.revision ?? 0) + 1, text: restore ? '' : text, updatedBy: actor?.username ?? null, updatedAt: this.clock.now() }),
      );
      await this.audit.record({
        action: 'brief.template_update',
        objectType: 'brief_template',
        objectId: key,
        manager: m,
        detail: { revision: saved.revision, from: previous, to: restore ? spec.text : text, restoredDefault: restore },
      });
    });
    return (await this.set()).templates.find((t) => t.key === key)!;
  }

  /** The pattern filled with sample figures, then the sample sentences it changes. */
  preview(key: string, text: string): BriefTemplatePreviewDto {
    if (!templateSpec(key)) throw ReportsException.templateNotFound(key);
    const errors = validateTemplate(key, text);
    if (errors.length) throw ReportsException.templateInvalid(errors);
    const before = sampleSentences(createWording());
    const after = sampleSentences(createWording({ [key]: text }));
    const changed = after.filter((s, i) => s !== '' && s !== before[i]);
    return { key, samples: [fillTemplate(text, SAMPLE_VALUES), ...changed] };
  }
}

