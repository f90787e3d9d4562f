import { Injectable, Logger } from '@nestjs/common';
import type {
  BreakdownDto,
  BreakdownItemDto,
  BriefContentDto,
  BriefKind,
  BriefSectionDto,
  BriefTableDto,
  ObservationCompletenessDto,
  OverdueProblemDto,
  TargetProgressDto,
} from '@im/contracts';
import { TARGET_STATUS_LABELS, naiveTimeProgressPct } from '@im/domain';
import { AccessScope } from '../../../core/security/access-scope';
import { CatalogService } from '../../catalog/catalog.service';
import type { Region } from '../../catalog/entities/region.entity';
import { ProblemsService } from '../../notes/problems.service';
import type { BreakdownQuery } from '../../observations/dto/breakdown.query';
import { ObservationsService } from '../../observations/observations.service';
import { DEFAULT_INDUSTRY_SCOPE, industryScope } from '../../observations/queries/industry-scopes';
import { PlansService } from '../../plans/plans.service';
import { TargetProgressService } from '../../plans/progress/target-progress.service';
import type { TemplateTexts } from '../wording/brief-templates';
import {
  behindSentence,
  briefPeriodLabel,
  createWording,
  missingSentence,
  problemsSentence,
  rankingSentence,
  subfieldsSentence,
  subjectSentence,
  yearTargetsSentence,
  type Wording,
} from '../wording/brief-wording';
import { breakdownTable, growthChart, measureRow, sourceText, valueChart, yi } from './brief-tables';

/** The framework whose top-level industries the brief reports (5+X). */
export const BRIEF_FRAMEWORK = 'xm-sei-5x';
/** At most this many missing series are named in the sentence (the table lists them all). */
const MISSING_IN_SENTENCE = 8;
/** Issuer on the date line. */
export const BRIEF_ISSUER = '厦门市发展和改革委员会';

const SYSTEM = AccessScope.unrestricted(null, null);

/** Indicator words of a government brief. */
const INDICATOR_WORDS: Record<string, string> = { output: '产值', revenue: '营收', value_added: '增加值' };

export function industryWord(name: string, code: string): string {
  if (name.endsWith('产业') || code === 'sei.x') return name;
  return `${name}产业`;
}

export function cityScopeKey(): string {
  return 'city';
}

export function districtScopeKey(regionCode: string): string {
  return `district:${regionCode}`;
}

/** The region code of a `district:<code>` scope, null for `city`. */
export function regionOfScope(scope: string): string | null {
  return scope.startsWith('district:') ? scope.slice('district:'.length) : null;
}

function chineseDate(d: Date): string {
  // The date of the brief in Beijing time.
  const bj = new Date(d.getTime() + 8 * 3600_000);
  return `${bj.getUTCFullYear()}年${bj.getUTCMonth() + 1}月${bj.getUTCDate()}日`;
}

function ym(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Gathers a month's figures from the read side (dashboards' breakdowns on rollups, plan progress,
 * completeness, overdue problems) and writes the brief: sections of sentences, tables with sources and
 * chart data. It never reads raw observations and never aggregates by itself.
 */
@Injectable()
export class BriefBuilder {
  private readonly logger = new Logger(BriefBuilder.name);

  constructor(
    private readonly observations: ObservationsService,
    private readonly progress: TargetProgressService,
    private readonly plans: PlansService,
    private readonly catalog: CatalogService,
    private readonly problems: ProblemsService,
  ) {}

  private breakdown(query: Partial<BreakdownQuery>): Promise<BreakdownDto> {
    return this.observations.breakdown(query as BreakdownQuery, SYSTEM);
  }

  /**
   * A month is **complete** when every one of the five strategic emerging industries (scope `sei5`) has
   * its city-level figure for that month (a 1—本月 YTD value, or a growth rate for growth-only data).
   * January published merged as 1—2月 has no figure of its own, so it is never complete; the brief of
   * that period is the one of February.
   */
  async isComplete(year: number, month: number): Promise<boolean> {
    const scope = industryScope(DEFAULT_INDUSTRY_SCOPE)!;
    try {
      const roots = await this.breakdown({ by: 'industry', framework: BRIEF_FRAMEWORK, period: ym(year, month) });
      if (roots.period !== ym(year, month)) return false;
      return scope.industryCodes.every((code) => {
        const item = roots.items.find((i) => i.code === code);
        return !!item && (item.ytd.value !== null || item.ytd.yoyPct !== null);
      });
    } catch (e) {
      this.logger.warn(`completeness of ${ym(year, month)} could not be read: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  /** Whether any of the 5+X industries has a city figure for the month (a brief can then be written, saying what is missing). */
  async hasAnyData(year: number, month: number): Promise<boolean> {
    try {
      const roots = await this.breakdown({ by: 'industry', framework: BRIEF_FRAMEWORK, period: ym(year, month) });
      return roots.period === ym(year, month) && roots.items.some((i) => i.ytd.value !== null || i.ytd.yoyPct !== null);
    } catch {
      return false;
    }
  }

  async build(input: { kind: BriefKind; year: number; month: number; scope: string; templates: TemplateTexts; now: Date }): Promise<BriefContentDto> {
    const { kind, year, month, scope } = input;
    const w = createWording(input.templates);
    const regionCode = regionOfScope(scope);
    const lookup = await this.catalog.lookup();
    const region = regionCode ? [...lookup.regions.values()].find((r) => r.code === regionCode) : null;
    if (regionCode && !region) throw new Error(`unknown region ${regionCode}`);
    const periodLabel = briefPeriodLabel(month);
    const scopeName = region ? region.name : '全市';
    const title =
      kind === 'annual' ? `${region ? region.name : ''}${year}年度产业运行报告` : `${region ? region.name : ''}${year}年${periodLabel}产业运行简报`;
    const sources = new Map<number, { batchId: number; fileName: string; demo: boolean }>();
    const keep = (b: BreakdownDto) => b.sources.forEach((s) => sources.set(s.batchId, s));

    const sections = region
      ? await this.districtSections(w, year, month, region, lookup, keep)
      : await this.citySections(w, year, month, lookup, input.now, keep);
    return {
      title,
      periodLabel,
      dateLine: `${BRIEF_ISSUER}  ${chineseDate(input.now)}`,
      scopeName,
      sections,
      sources: [...sources.values()].sort((a, b) => a.batchId - b.batchId),
    };
  }

  // -------------------------------------------------------------------------------------------

  private indicatorWord(item: BreakdownItemDto): string {
    return item.indicatorCode ? (INDICATOR_WORDS[item.indicatorCode] ?? '') : '';
  }

  private async citySections(w: Wording, year: number, month: number, lookup: Awaited<ReturnType<CatalogService['lookup']>>, now: Date, keep: (b: BreakdownDto) => void): Promise<BriefSectionDto[]> {
    const period = ym(year, month);
    const periodLabel = briefPeriodLabel(month);
    const [roots, previous, districts, parks, targets, completeness, overdue] = await Promise.all([
      this.breakdown({ by: 'industry', framework: BRIEF_FRAMEWORK, period }),
      month > 1 ? this.breakdown({ by: 'industry', framework: BRIEF_FRAMEWORK, period: ym(year, month - 1) }).catch(() => null) : Promise.resolve(null),
      this.breakdown({ by: 'district', period }),
      this.breakdown({ by: 'park', period }),
      this.targetsAsOf(period),
      this.observations.completeness({ year }, SYSTEM),
      this.overdueProblems(now),
    ]);
    [roots, districts, parks].forEach(keep);
    // The industries in the order of the plan (the framework's order), not by size.
    const order = new Map([...lookup.industries.values()].map((n) => [n.code, n.sortOrder]));
    roots.items.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
    const scope = industryScope(DEFAULT_INDUSTRY_SCOPE)!;
    const total = districts.parent;

    // 一、总体情况
    const totalSentence = subjectSentence(w, month, '全市', { subject: scope.name, indicator: '产业规模', valueWan: total.ytd.value, yoyPct: total.ytd.yoyPct });
    const five = roots.items.filter((i) => scope.industryCodes.includes(i.code));
    const overviewTable: BriefTableDto = {
      title: `${periodLabel}全市战略性新兴产业主要指标`,
      columns: [
        { key: 'name', label: '产业', format: 'text' },
        { key: 'indicator', label: '指标', format: 'text' },
        { key: 'ytd', label: `${periodLabel}累计（亿元）`, format: 'amount' },
        { key: 'yoy', label: '同比增长（%）', format: 'percent' },
        { key: 'share', label: '占五大产业比重（%）', format: 'percent' },
      ],
      rows: [
        { cells: { name: scope.name, indicator: '产业规模', ytd: yi(total.ytd.value), yoy: total.ytd.yoyPct, share: total.ytd.value === null ? null : 100 }, source: sourceText(total.source) ?? (total.ytd.value !== null ? '各产业合计' : null) },
        ...roots.items.map((i) => {
          const inScope = scope.industryCodes.includes(i.code);
          const sharePct = inScope && i.ytd.value !== null && total.ytd.value ? (i.ytd.value / total.ytd.value) * 100 : null;
          return measureRow(industryWord(i.name, i.code), i.ytd, i.source, { indicator: this.indicatorWord(i) || '产业规模', share: sharePct });
        }),
      ],
      note: '未来赛道与五大产业存在交叉，不计入合计。',
    };
    const overview: BriefSectionDto = {
      key: 'overview',
      title: '总体情况',
      belowCity: false,
      paragraphs: [totalSentence],
      tables: [overviewTable],
      chart: valueChart(`${periodLabel}五大战略性新兴产业规模（亿元）`, five.map((i) => ({ name: i.name, ytd: i.ytd }))),
    };

    // 二、分产业运行情况 (each 5+X industry, its target, its strongest and weakest sub-fields)
    const industryParagraphs: string[] = [];
    const subTables: BriefTableDto[] = [];
    for (const item of roots.items) {
      const target = targets.find((t) => t.subject.type === 'industry' && t.subject.code === item.code && t.kind === 'level');
      const annual = target?.annual && target.annual.year === year && target.annual.month === month ? target.annual : null;
      const prev = previous?.items.find((i) => i.code === item.code)?.ytd.yoyPct ?? null;
      const name = industryWord(item.name, item.code);
      const sentence = subjectSentence(w, month, '全市', {
        subject: name,
        indicator: this.indicatorWord(item),
        valueWan: item.ytd.value,
        yoyPct: item.ytd.yoyPct,
        previousYoyPct: prev,
        target: annual ? { completionPct: annual.completionPct } : null,
      });
      let paragraph = sentence;
      const children = await this.breakdown({ by: 'industry', parent: item.code, period }).catch(() => null);
      if (children) {
        keep(children);
        const sub = subfieldsSentence(
          w,
          name,
          children.items.map((c) => ({ name: c.name, yoyPct: c.ytd.yoyPct, pullPp: c.ytd.contributionPp })),
        );
        if (sub) paragraph += sub;
        const withData = children.items.filter((c) => c.hasData);
        if (withData.length) subTables.push(breakdownTable(`${name}细分领域`, '细分领域', periodLabel, children.items, { share: true, pull: true }));
      }
      industryParagraphs.push(paragraph);
    }
    const industries: BriefSectionDto = {
      key: 'industries',
      title: '分产业运行情况',
      belowCity: false,
      paragraphs: industryParagraphs,
      tables: subTables,
      chart: growthChart(`${periodLabel}各产业同比增速（%）`, roots.items.map((i) => ({ name: i.name, ytd: i.ytd }))),
    };

    // 三、分区域 / 四、园区
    const regionsSection: BriefSectionDto = {
      key: 'regions',
      title: '分区域运行情况',
      belowCity: true,
      paragraphs: [rankingSentence(w, 'regions', districts.items.map((i) => ({ name: i.name, yoyPct: i.ytd.yoyPct })))],
      tables: [breakdownTable(`${periodLabel}各区五大战略性新兴产业规模`, '区', periodLabel, districts.items, { share: true, pull: true, sumSource: '各产业合计' })],
      chart: growthChart(`${periodLabel}各区同比增速（%）`, districts.items.map((i) => ({ name: i.name, ytd: i.ytd }))),
    };
    const parkItems = parks.items.filter((i) => i.hasData);
    const parksSection: BriefSectionDto = {
      key: 'parks',
      title: '重点园区运行情况',
      belowCity: true,
      paragraphs: [rankingSentence(w, 'parks', parks.items.map((i) => ({ name: i.name, yoyPct: i.ytd.yoyPct })))],
      tables: [breakdownTable(`${periodLabel}重点园区五大战略性新兴产业规模`, '园区', periodLabel, parkItems, { share: true, pull: true, sumSource: '各产业合计' })],
      chart: valueChart(`${periodLabel}重点园区规模（亿元）`, parkItems.slice(0, 12).map((i) => ({ name: i.name, ytd: i.ytd }))),
    };

    // 五、目标进度
    const annualRows = targets.filter((t) => t.annual && t.annual.year === year && t.annual.month === month);
    const targetsSection: BriefSectionDto = {
      key: 'targets',
      title: '年度目标进度',
      belowCity: false,
      paragraphs: [
        month === 12
          ? yearTargetsSentence(
              w,
              annualRows.filter((t) => t.annual!.completionPct !== null).map((t) => t.annual!.completionPct!),
              year,
            )
          : behindSentence(
              w,
              annualRows.filter((t) => t.annual!.completionPct !== null).map((t) => ({ name: t.name, completionPct: t.annual!.completionPct!, month })),
              year,
            ),
      ],
      tables: annualRows.length ? [
        {
          title: `${periodLabel}年度目标完成情况`,
          columns: [
            { key: 'name', label: '目标', format: 'text' },
            { key: 'unit', label: '单位', format: 'text' },
            { key: 'target', label: `${year}年目标`, format: 'amount' },
            { key: 'ytd', label: `${periodLabel}完成`, format: 'amount' },
            { key: 'completion', label: '完成率（%）', format: 'percent' },
            { key: 'timeProgress', label: '时序进度（%）', format: 'percent' },
            { key: 'status', label: '状态', format: 'text' },
          ],
          rows: annualRows.map((t) => ({
            cells: {
              name: t.name,
              unit: t.unit,
              target: t.annual!.target,
              ytd: t.annual!.ytd,
              completion: t.annual!.completionPct,
              timeProgress: naiveTimeProgressPct(month),
              status: TARGET_STATUS_LABELS[t.annual!.status],
            },
            source: t.sources.map((s) => `批次 ${s.batchId}`).join('、') || null,
          })),
          note: '时序进度按月份÷12计算；年度目标未录入的，按规划路径推算。',
        },
      ] : [],
      chart: null,
    };

    const sections = [overview, industries, regionsSection, parksSection, targetsSection, this.missingSection(w, month, periodLabel, completeness, null, lookup)];
    if (overdue) sections.push(this.problemsSection(w, overdue));
    return sections;
  }

  private async districtSections(
    w: Wording,
    year: number,
    month: number,
    region: Region,
    lookup: Awaited<ReturnType<CatalogService['lookup']>>,
    keep: (b: BreakdownDto) => void,
  ): Promise<BriefSectionDto[]> {
    const period = ym(year, month);
    const periodLabel = briefPeriodLabel(month);
    const scope = industryScope(DEFAULT_INDUSTRY_SCOPE)!;
    const [parks, industries, completeness] = await Promise.all([
      this.breakdown({ by: 'park', parent: region.code, period }),
      this.breakdown({ by: 'industry', framework: BRIEF_FRAMEWORK, region: region.code, period }),
      this.observations.completeness({ year }, SYSTEM),
    ]);
    [parks, industries].forEach(keep);
    const order = new Map([...lookup.industries.values()].map((n) => [n.code, n.sortOrder]));
    industries.items.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
    const city = await this.breakdown({ by: 'district', period });
    keep(city);
    const own = parks.parent;
    const overview: BriefSectionDto = {
      key: 'overview',
      title: '总体情况',
      belowCity: true,
      paragraphs: [
        subjectSentence(w, month, region.name, { subject: scope.name, indicator: '产业规模', valueWan: own.ytd.value, yoyPct: own.ytd.yoyPct }) +
          subjectSentence(w, month, '全市', { subject: '', indicator: '产业规模', valueWan: city.parent.ytd.value, yoyPct: city.parent.ytd.yoyPct }).replace(/^([^，]*)，/, '同期，'),
      ],
      tables: [
        {
          title: `${periodLabel}${region.name}与全市对比`,
          columns: [
            { key: 'name', label: '范围', format: 'text' },
            { key: 'ytd', label: `${periodLabel}累计（亿元）`, format: 'amount' },
            { key: 'yoy', label: '同比增长（%）', format: 'percent' },
          ],
          rows: [
            { cells: { name: region.name, ytd: yi(own.ytd.value), yoy: own.ytd.yoyPct }, source: sourceText(own.source) ?? (own.ytd.value !== null ? '各产业合计' : null) },
            { cells: { name: '全市', ytd: yi(city.parent.ytd.value), yoy: city.parent.ytd.yoyPct }, source: sourceText(city.parent.source) ?? (city.parent.ytd.value !== null ? '各产业合计' : null) },
          ],
          note: null,
        },
      ],
      chart: null,
    };
    const industriesSection: BriefSectionDto = {
      key: 'industries',
      title: '分产业运行情况',
      belowCity: true,
      paragraphs: industries.items.map((i) =>
        subjectSentence(w, month, region.name, { subject: industryWord(i.name, i.code), indicator: this.indicatorWord(i), valueWan: i.ytd.value, yoyPct: i.ytd.yoyPct }),
      ),
      tables: [breakdownTable(`${periodLabel}${region.name}分产业情况`, '产业', periodLabel, industries.items, { share: false, pull: false })],
      chart: valueChart(`${periodLabel}${region.name}各产业规模（亿元）`, industries.items.map((i) => ({ name: i.name, ytd: i.ytd }))),
    };
    const parkItems = parks.items.filter((i) => i.hasData);
    const parksSection: BriefSectionDto = {
      key: 'parks',
      title: '园区运行情况',
      belowCity: true,
      paragraphs: [rankingSentence(w, 'parks', parks.items.map((i) => ({ name: i.name, yoyPct: i.ytd.yoyPct })))],
      tables: [breakdownTable(`${periodLabel}${region.name}园区情况`, '园区', periodLabel, parks.items, { share: true, pull: true, sumSource: '各产业合计' })],
      chart: valueChart(`${periodLabel}${region.name}园区规模（亿元）`, parkItems.map((i) => ({ name: i.name, ytd: i.ytd }))),
    };
    return [overview, industriesSection, parksSection, this.missingSection(w, month, periodLabel, completeness, region, lookup)];
  }

  private missingSection(
    w: Wording,
    month: number,
    periodLabel: string,
    completeness: ObservationCompletenessDto,
    region: Region | null,
    lookup: Awaited<ReturnType<CatalogService['lookup']>>,
  ): BriefSectionDto {
    const byCode = new Map([...lookup.regions.values()].map((r) => [r.code, r]));
    const inScope = (code: string) => {
      if (!region) return true;
      const r = byCode.get(code);
      return !!r && (r.id === region.id || r.parentId === region.id || r.zoneId === region.id);
    };
    const missing = completeness.series
      .filter((s) => s.granularity === 'month' && s.months[month - 1] === 'missing' && inScope(s.region.code))
      .map((s) => ({ region: s.region.name, industry: s.industry?.name ?? '', indicator: s.indicator.name }));
    const names = missing.map((m) => `${m.region}${m.industry}${m.indicator}`);
    const shown = names.length > MISSING_IN_SENTENCE ? [`${names.slice(0, MISSING_IN_SENTENCE).join('、')}等${names.length}项（见附表）`] : names;
    const sentence = missingSentence(w, shown, names.length);
    return {
      key: 'missing',
      title: '数据报送情况',
      belowCity: region !== null,
      paragraphs: [sentence],
      tables: names.length
        ? [
            {
              title: `${periodLabel}尚未报送的数据`,
              columns: [
                { key: 'region', label: '区域', format: 'text' },
                { key: 'industry', label: '产业', format: 'text' },
                { key: 'indicator', label: '指标', format: 'text' },
              ],
              rows: missing.map((m) => ({ cells: { ...m }, source: null })),
              note: null,
            },
          ]
        : [],
      chart: null,
    };
  }

  private problemsSection(w: Wording, overdue: OverdueProblemDto[]): BriefSectionDto {
    return {
      key: 'problems',
      title: '问题督办情况',
      belowCity: false,
      paragraphs: [problemsSentence(w, overdue.map((p) => ({ title: p.title, owner: p.ownerUnit, due: dateText(p.dueDate) })))],
      tables: overdue.length
        ? [
            {
              title: '逾期未办结问题',
              columns: [
                { key: 'industry', label: '产业', format: 'text' },
                { key: 'title', label: '问题', format: 'text' },
                { key: 'owner', label: '责任单位', format: 'text' },
                { key: 'due', label: '办结期限', format: 'text' },
              ],
              rows: overdue.map((p) => ({ cells: { industry: p.industryName, title: p.title, owner: p.ownerUnit, due: p.dueDate }, source: null })),
              note: null,
            },
          ]
        : [],
      chart: null,
    };
  }

  /** Progress of every target of every plan as of the month (in the targets' own units). */
  private async targetsAsOf(period: string): Promise<TargetProgressDto[]> {
    const plans = await this.plans.listPlans();
    const out: TargetProgressDto[] = [];
    for (const plan of plans) out.push(...(await this.progress.progress(plan.code, period)).items);
    return out;
  }

  /** Overdue problems of the lead units' problem list as of the generation moment (null when unavailable). */
  private async overdueProblems(now: Date): Promise<OverdueProblemDto[] | null> {
    try {
      return await this.problems.listOverdue(now);
    } catch (e) {
      this.logger.warn(`overdue problems could not be read: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }
}

function dateText(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
