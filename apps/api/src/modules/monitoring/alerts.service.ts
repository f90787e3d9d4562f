import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { AlertDto, AlertListDto } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { jobsConfigOf, type JobsConfig } from '../../core/config/jobs-config';
import type { AccessScope } from '../../core/security/access-scope';
import type { AuthContext } from '../../core/security/auth-context';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { ObservationsService } from '../observations/observations.service';
import { PlansService } from '../plans/plans.service';
import { TargetProgressService } from '../plans/progress/target-progress.service';
import { behindAnnual, behindPath, swing, type AlertCandidate } from './alert-rules';
import { CompletenessCheck } from './completeness-check';
import { Alert } from './entities/alert.entity';
import { MonitoringException } from './monitoring.exception';
import { ymText, type Ym } from './monitoring-period';
import { restrictMonitoringRows } from './monitoring-scope';
import type { AlertsQuery } from './dto/alerts.query';

export interface AlertEvaluation {
  candidates: number;
  created: Alert[];
  resolved: number;
  targetsChecked: number;
  seriesChecked: number;
  problems: string[];
}

/** Alerts: targets behind schedule and abnormal swings, raised once per subject and period. */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger('Alerts');
  private readonly config: JobsConfig;

  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    private readonly plans: PlansService,
    private readonly progress: TargetProgressService,
    private readonly observations: ObservationsService,
    private readonly check: CompletenessCheck,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) appConfig: AppConfig,
  ) {
    this.config = jobsConfigOf(appConfig);
  }

  /** Evaluates every plan's targets as of `asOf` and the expected series' swings in that month; stores what is new. */
  async evaluate(asOf: Ym): Promise<AlertEvaluation> {
    const problems: string[] = [];
    const candidates: AlertCandidate[] = [];
    /** kind|subject|period triples that were evaluated (an open alert among them that is no longer a candidate is resolved). */
    const evaluated = new Set<string>();
    const { industries, regions } = await this.catalog.lookup();
    const industryByCode = new Map([...industries.values()].map((n) => [n.code, n]));
    const regionByCode = new Map([...regions.values()].map((r) => [r.code, r]));

    let targetsChecked = 0;
    for (const plan of await this.plans.listPlans()) {
      try {
        const result = await this.progress.progress(plan.code, ymText(asOf));
        for (const item of result.items) {
          targetsChecked++;
          const industry = item.subject.type === 'industry' ? industryByCode.get(item.subject.code) : undefined;
          const region = item.subject.type === 'region' ? regionByCode.get(item.subject.code) : undefined;
          const subject = {
            industryNodeId: industry?.id ?? null,
            regionId: region?.id ?? null,
            districtId: region ? (region.type === 'park' ? region.parentId : region.type === 'district' || region.type === 'zone' ? region.id : null) : null,
          };
          if (item.annual) evaluated.add(`behind_annual|target:${item.code}|${item.annual.year}-${String(item.annual.month).padStart(2, '0')}`);
          if (item.latestAnnual) evaluated.add(`behind_path|target:${item.code}|${item.latestAnnual.year}`);
          for (const c of [behindAnnual(item, this.config.alertBehindPp, subject), behindPath(item, this.config.alertBehindPp, subject)]) if (c) candidates.push(c);
        }
      } catch (e) {
        problems.push(`规划 ${plan.code}：${e instanceof Error ? e.message : String(e)}`);
      }
    }

    const expected = await this.check.expected();
    let seriesChecked = 0;
    for (const e of expected) {
      try {
        const series = await this.observations.series({ indicator: e.indicatorCode, industry: e.industryCode, region: e.regionCode, from: ymText(asOf), to: ymText(asOf) });
        const point = series.points.find((p) => p.year === asOf.year && p.month === asOf.month);
        if (!point) continue;
        seriesChecked++;
        evaluated.add(`swing|${e.key}|${ymText(asOf)}`);
        const c = swing(
          {
            subjectKey: e.key,
            label: `${e.regionName}${e.industryName}${e.indicatorName}`,
            period: asOf,
            yoyYtdPct: point.yoyYtdPct,
            computed: point.yoyYtdBasis === 'computed' || point.yoyComputed,
            industryNodeId: e.industryNodeId,
            regionId: e.regionId,
            districtId: e.districtId,
          },
          this.config.alertSwingPct,
        );
        if (c) candidates.push(c);
      } catch (err) {
        problems.push(`${e.key}：${err instanceof Error ? err.message : String(err)}`);
      }
    }

    const created: Alert[] = [];
    const now = this.clock.now();
    const candidateKeys = new Set(candidates.map((c) => `${c.kind}|${c.subjectKey}|${c.period}`));
    for (const c of candidates) {
      const existing = await this.alerts.findOneBy({ kind: c.kind, subjectKey: c.subjectKey, period: c.period });
      if (existing) {
        if (existing.resolvedAt !== null) await this.alerts.update(existing.id, { resolvedAt: null });
        continue;
      }
      const row = this.alerts.create({ ...c, detailsJson: JSON.stringify(c.details), createdAt: now, resolvedAt: null, acknowledgedAt: null, acknowledgedById: null });
      try {
        await this.alerts.insert(row);
        created.push(row);
      } catch (err) {
        // Raised by another instance at the same time: once per subject and period.
        if (!(await this.alerts.findOneBy({ kind: c.kind, subjectKey: c.subjectKey, period: c.period }))) throw err;
      }
    }
    let resolved = 0;
    const open = await this.alerts.findBy({ resolvedAt: IsNull() });
    for (const a of open) {
      const key = `${a.kind}|${a.subjectKey}|${a.period}`;
      if (evaluated.has(key) && !candidateKeys.has(key)) {
        await this.alerts.update(a.id, { resolvedAt: now });
        resolved++;
      }
    }
    if (problems.length) this.logger.warn(`alerts: ${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`);
    return { candidates: candidates.length, created, resolved, targetsChecked, seriesChecked, problems };
  }

  async list(scope: AccessScope, query: AlertsQuery): Promise<AlertListDto> {
    const base = () => restrictMonitoringRows(this.alerts.createQueryBuilder('a'), 'a', scope);
    const open = await base().andWhere('a.resolved_at IS NULL').andWhere('a.acknowledged_at IS NULL').getCount();
    const qb = base();
    const status = query.status ?? 'open';
    if (status === 'open') qb.andWhere('a.resolved_at IS NULL').andWhere('a.acknowledged_at IS NULL');
    else if (status === 'unresolved') qb.andWhere('a.resolved_at IS NULL');
    const rows = await qb
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(query.limit ?? 50)
      .getMany();
    return { open, items: await this.toDtos(rows) };
  }

  /** A user who sees the alert marks it as seen; audited. Unknown or foreign alerts are 404. */
  async acknowledge(id: number, auth: AuthContext): Promise<AlertDto> {
    const visible = await restrictMonitoringRows(this.alerts.createQueryBuilder('a').where('a.id = :id', { id }), 'a', auth.scope).getOne();
    if (!visible) throw MonitoringException.alertNotFound(id);
    if (visible.acknowledgedAt === null) {
      const now = this.clock.now();
      await this.alerts.manager.transaction(async (m) => {
        await m.getRepository(Alert).update(id, { acknowledgedAt: now, acknowledgedById: auth.user.id });
        await this.audit.record({ action: 'alert.acknowledge', objectType: 'alert', objectId: id, detail: { kind: visible.kind, subject: visible.subjectKey, period: visible.period }, manager: m });
      });
    }
    return (await this.toDtos([(await this.alerts.findOneBy({ id }))!]))[0];
  }

  private async toDtos(rows: Alert[]): Promise<AlertDto[]> {
    if (!rows.length) return [];
    const { industries, regions } = await this.catalog.lookup();
    const ref = (m: ReadonlyMap<number, { code: string; name: string }>, id: number | null) => {
      const v = id === null ? undefined : m.get(id);
      return v ? { code: v.code, name: v.name } : null;
    };
    return rows.map((a) => {
      let details: Record<string, unknown> | null = null;
      try {
        details = a.detailsJson ? (JSON.parse(a.detailsJson) as Record<string, unknown>) : null;
      } catch {
        details = null;
      }
      return {
        id: a.id,
        kind: a.kind,
        severity: a.severity,
        subjectKey: a.subjectKey,
        period: a.period,
        targetCode: a.targetCode,
        industry: ref(industries, a.industryNodeId),
        region: ref(regions, a.regionId),
        title: a.title,
        body: a.body,
        details,
        createdAt: a.createdAt.toISOString(),
        resolvedAt: a.resolvedAt ? a.resolvedAt.toISOString() : null,
        acknowledgedAt: a.acknowledgedAt ? a.acknowledgedAt.toISOString() : null,
      };
    });
  }
}
