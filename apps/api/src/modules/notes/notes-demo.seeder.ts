import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProblemStatus } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import { IndustryNode } from '../catalog/entities/industry-node.entity';
import { User } from '../users/entities/user.entity';
import { MonthlyNote } from './entities/monthly-note.entity';
import { MonthlyNoteVersion } from './entities/monthly-note-version.entity';
import { ProblemEvent } from './entities/problem-event.entity';
import { Problem } from './entities/problem.entity';
import { shanghaiDate } from './rules/overdue';

/** The demo lead unit (see users/demo-users.ts) whose industries get demo notes and problems. */
const DEMO_LEAD_USER = 'gxj';
const DEMO = '（演示）';

interface DemoNote {
  industry: string;
  /** Months before the current month (1 = last month). */
  monthsAgo: number;
  progress: string;
  problems: string;
  suggestions: string;
}

interface DemoProblem {
  industry: string;
  monthsAgo: number;
  title: string;
  description: string;
  ownerUnit: string;
  /** Due date relative to today (negative: already past). */
  dueInDays: number;
  status: ProblemStatus;
  closingNote?: string;
  /** Raised from the demo note of the same industry and month. */
  fromNote?: boolean;
}

/**
 * Wording follows the concerns the policy documents name (004 第一章: local supporting cooperation of
 * 新型显示 and 集成电路, new R&D institutions, talent; 000 §二(二): land supply and project timing);
 * no figure is stated. Every text is marked 演示.
 */
const NOTES: readonly DemoNote[] = [
  {
    industry: 'sei.ngit',
    monthsAgo: 1,
    progress: `${DEMO}会同各区、火炬管委会梳理新型显示、集成电路重点项目推进情况，逐个对接在建项目的用地、用能和配套需求；开展产业链招商，跟踪洽谈项目。`,
    problems: `${DEMO}新型显示、集成电路产业链上下游企业尚未建立稳定供应关系，本地配套协作水平较低；新型研发机构数量和质量仍有不足。`,
    suggestions: `${DEMO}建议由市发改委牵头召开产业链供需对接会，推动龙头企业与本地配套企业建立长期合作；研究新型研发机构绩效评估办法。`,
  },
  {
    industry: 'xm446.pillar.electronics',
    monthsAgo: 1,
    progress: `${DEMO}按月跟踪电子信息产业集群重点企业生产经营情况，协调解决企业反映的用工、物流问题。`,
    problems: `${DEMO}部分产业项目建设与用地指标衔接不够，通用厂房等载体供给偏紧。`,
    suggestions: `${DEMO}建议各区加快处置批而未供土地，科学安排供地时序，加大通用厂房供给。`,
  },
  {
    industry: 'sei.ngit',
    monthsAgo: 2,
    progress: `${DEMO}组织重点企业座谈，了解订单和产能情况；推进产教融合项目对接。`,
    problems: `${DEMO}产业急需的专业人才供给不足。`,
    suggestions: `${DEMO}建议用足用好人才政策，推动高校与企业共建产教融合示范基地。`,
  },
];

const PROBLEMS: readonly DemoProblem[] = [
  {
    industry: 'sei.ngit.display',
    monthsAgo: 2,
    title: `新型显示产业关键材料本地配套不足${DEMO}`,
    description: '玻璃基板、靶材、光电显示膜材料等仍主要从外地采购，本地配套率偏低，需招引相关领域配套企业。',
    ownerUnit: '市工信局',
    dueInDays: -20,
    status: 'in_progress',
  },
  {
    industry: 'sei.ngit.ic',
    monthsAgo: 1,
    title: `集成电路上下游企业尚未建立稳定供应关系${DEMO}`,
    description: '制造、设计、封测企业之间订单协作不多，设备和原材料企业进入本地供应链的渠道有限。',
    ownerUnit: '市工信局',
    dueInDays: -5,
    status: 'open',
    fromNote: true,
  },
  {
    industry: 'xm446.pillar.electronics',
    monthsAgo: 1,
    title: `重点产业项目用地供给与建设时序衔接不够${DEMO}`,
    description: '部分项目已具备开工条件但用地尚未供应，通用厂房等载体供给偏紧。',
    ownerUnit: '火炬管委会',
    dueInDays: 30,
    status: 'open',
    fromNote: true,
  },
  {
    industry: 'sei.ngit',
    monthsAgo: 1,
    title: `新型研发机构数量和质量不足${DEMO}`,
    description: '新型研发机构对产业的支撑作用有待加强，企业创新活力和能力有待提升。',
    ownerUnit: '市工信局',
    dueInDays: 45,
    status: 'in_progress',
  },
  {
    industry: 'sei.ngit.ai',
    monthsAgo: 2,
    title: `产业急需专业人才供给不足${DEMO}`,
    description: '人工智能等领域企业反映专业人才招聘难。',
    ownerUnit: '市工信局',
    dueInDays: -10,
    status: 'closed',
    closingNote: '已会同有关高校对接产教融合项目，企业用人需求已纳入人才计划（演示）。',
  },
];

/** Demo notes and problems of the demo lead unit's industries — demo mode only, once (idempotent). */
@Injectable()
export class NotesDemoSeeder {
  private readonly logger = new Logger(NotesDemoSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Returns how many notes and problems were written (0 when demo notes exist or the demo lead unit does not). */
  async seed(): Promise<{ notes: number; problems: number }> {
    const none = { notes: 0, problems: 0 };
    const user = await this.dataSource.getRepository(User).findOneBy({ username: DEMO_LEAD_USER, isDemo: true });
    if (!user) return none;
    const existing = (await this.dataSource.getRepository(MonthlyNote).countBy({ isDemo: true })) + (await this.dataSource.getRepository(Problem).countBy({ isDemo: true }));
    if (existing) return none;
    const codes = [...new Set([...NOTES, ...PROBLEMS].map((x) => x.industry))];
    const nodes = await this.dataSource.getRepository(IndustryNode).find({ select: { id: true, code: true } });
    const idOf = new Map(nodes.filter((n) => codes.includes(n.code)).map((n) => [n.code, n.id]));
    if (idOf.size !== codes.length) return none;
    const unit = user.unit ?? user.displayName;
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const monthAgo = (k: number) => {
      const [y, m] = today.split('-').map(Number);
      const index = y * 12 + (m - 1) - k;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    };
    const addDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const result = await this.dataSource.transaction(async (m) => {
      const noteIds = new Map<string, number>();
      let notes = 0;
      for (const n of NOTES) {
        const { year, month } = monthAgo(n.monthsAgo);
        // A note the unit already wrote for that industry and month is never replaced by demo text.
        if (await m.getRepository(MonthlyNote).existsBy({ industryNodeId: idOf.get(n.industry)!, periodYear: year, periodMonth: month, unit })) continue;
        notes++;
        const ins = await m.getRepository(MonthlyNote).insert({ industryNodeId: idOf.get(n.industry)!, periodYear: year, periodMonth: month, unit, currentVersion: 1, updatedAt: now, isDemo: true });
        const id = Number(ins.identifiers[0].id);
        noteIds.set(`${n.industry}/${n.monthsAgo}`, id);
        await m.getRepository(MonthlyNoteVersion).insert({ noteId: id, version: 1, progress: n.progress, problems: n.problems, suggestions: n.suggestions, createdByUserId: user.id, createdByName: user.displayName, createdAt: now });
      }
      for (const p of PROBLEMS) {
        const { year, month } = monthAgo(p.monthsAgo);
        const noteId = p.fromNote ? (noteIds.get(`${p.industry}/${p.monthsAgo}`) ?? null) : null;
        const ins = await m.getRepository(Problem).insert({
          industryNodeId: idOf.get(p.industry)!,
          periodYear: year,
          periodMonth: month,
          title: p.title,
          description: p.description,
          ownerUnit: p.ownerUnit,
          raisedByUnit: unit,
          dueDate: addDays(p.dueInDays),
          status: p.status,
          closingNote: p.closingNote ?? null,
          closedAt: p.status === 'closed' ? now : null,
          noteId,
          createdByUserId: user.id,
          createdByName: user.displayName,
          createdAt: now,
          updatedAt: now,
          isDemo: true,
        });
        const problemId = Number(ins.identifiers[0].id);
        const event = { problemId, changes: null, userId: user.id, userName: user.displayName, at: now };
        await m.getRepository(ProblemEvent).insert({ ...event, kind: 'create', fromStatus: null, toStatus: 'open', note: null });
        if (p.status !== 'open') await m.getRepository(ProblemEvent).insert({ ...event, kind: 'status', fromStatus: 'open', toStatus: 'in_progress', note: null });
        if (p.status === 'closed') await m.getRepository(ProblemEvent).insert({ ...event, kind: 'status', fromStatus: 'in_progress', toStatus: 'closed', note: p.closingNote ?? null });
      }
      return { notes, problems: PROBLEMS.length };
    });
    this.logger.log(`demo notes and problems of ${DEMO_LEAD_USER}: ${result.notes} notes, ${result.problems} problems`);
    return result;
  }
}
