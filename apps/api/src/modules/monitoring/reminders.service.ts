import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import type { ReminderDto, ReminderListDto } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import type { AccessScope } from '../../core/security/access-scope';
import type { AuthContext } from '../../core/security/auth-context';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { DATA_CHANGED_EVENT, type DataChangedEvent } from '../ingest/events/data-changed.event';
import { CompletenessCheck, type CompletenessFinding } from './completeness-check';
import type { ExpectedSeries } from './expected-series';
import { Reminder } from './entities/reminder.entity';
import { MonitoringException } from './monitoring.exception';
import { parseYmText, ymChinese, ymText, type Ym } from './monitoring-period';
import { restrictMonitoringRows } from './monitoring-scope';
import type { RemindersQuery } from './dto/reminders.query';

export interface ReminderSync {
  created: Reminder[];
  reopened: number;
  resolved: number;
  open: number;
}

const DATASET_LABEL: Record<ExpectedSeries['dataset'], string> = { industry: '产业月度数据', park: '园区月度数据' };

export function reminderTitle(e: ExpectedSeries, period: Ym): string {
  return `${ymChinese(period)} ${e.regionName} ${e.industryName}${e.indicatorName}未报送`.slice(0, 200);
}

export function reminderBody(e: ExpectedSeries, period: Ym): string {
  return `${ymChinese(period)}${e.regionName}${e.industryName}的${e.indicatorName}（${DATASET_LABEL[e.dataset]}）尚无数据。请统计局核实后上传；数据入库后本提醒自动消除。`.slice(0, 1000);
}

/** Reminders of missing data: created by the completeness job, resolved when the data arrives. */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectRepository(Reminder) private readonly reminders: Repository<Reminder>,
    private readonly check: CompletenessCheck,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Makes the stored reminders of a month match a completeness finding (idempotent). */
  async sync(finding: CompletenessFinding): Promise<ReminderSync> {
    const period = ymText(finding.period);
    const now = this.clock.now();
    const stored = await this.reminders.findBy({ kind: 'missing_data', period });
    const byKey = new Map(stored.map((r) => [r.subjectKey, r]));
    const created: Reminder[] = [];
    let reopened = 0;
    for (const e of finding.missing) {
      const existing = byKey.get(e.key);
      if (existing) {
        if (existing.resolvedAt !== null) {
          await this.reminders.update(existing.id, { resolvedAt: null });
          reopened++;
        }
        continue;
      }
      const row = this.reminders.create({
        kind: 'missing_data',
        period,
        subjectKey: e.key,
        audienceRole: 'statistician',
        districtId: e.districtId,
        regionId: e.regionId,
        industryNodeId: e.industryNodeId,
        title: reminderTitle(e, finding.period),
        body: reminderBody(e, finding.period),
        createdAt: now,
        resolvedAt: null,
        dismissedAt: null,
        dismissedById: null,
      });
      try {
        await this.reminders.insert(row);
        created.push(row);
      } catch (err) {
        // Another instance inserted the same (kind, period, subject) meanwhile: nothing to add.
        if (!(await this.reminders.findOneBy({ kind: 'missing_data', period, subjectKey: e.key }))) throw err;
      }
    }
    const presentKeys = finding.present.map((e) => e.key);
    const toResolve = stored.filter((r) => r.resolvedAt === null && presentKeys.includes(r.subjectKey)).map((r) => r.id);
    if (toResolve.length) await this.reminders.update({ id: In(toResolve) }, { resolvedAt: now });
    const open = await this.reminders.countBy({ kind: 'missing_data', period, resolvedAt: IsNull() });
    return { created, reopened, resolved: toResolve.length, open };
  }

  /** New data: re-check the months it touched that have open reminders. */
  @OnEvent(DATA_CHANGED_EVENT, { async: true, promisify: true, suppressErrors: true })
  async onDataChanged(event: DataChangedEvent): Promise<void> {
    try {
      const periods = new Set(event.periods.map((p) => ymText({ year: Math.floor(p / 100), month: p % 100 })));
      const open = await this.reminders.find({ where: { kind: 'missing_data', resolvedAt: IsNull() }, select: { id: true, period: true } });
      const months = [...new Set(open.map((r) => r.period))].filter((p) => periods.has(p));
      for (const month of months) {
        const finding = await this.check.check(parseYmText(month));
        const present = new Set(finding.present.map((e) => e.key));
        const rows = await this.reminders.find({ where: { kind: 'missing_data', period: month, resolvedAt: IsNull() } });
        const ids = rows.filter((r) => present.has(r.subjectKey)).map((r) => r.id);
        if (ids.length) {
          await this.reminders.update({ id: In(ids) }, { resolvedAt: this.clock.now() });
          this.logger.log(`${ids.length} reminder(s) of ${month} resolved by batch ${event.batchId}`);
        }
      }
    } catch (e) {
      this.logger.error(`could not re-check reminders after batch ${event.batchId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async list(scope: AccessScope, query: RemindersQuery): Promise<ReminderListDto> {
    const base = () => {
      const qb = this.reminders.createQueryBuilder('r');
      if (scope.role === 'statistician') qb.andWhere('r.audience_role = :role', { role: 'statistician' });
      else if (scope.role === 'leader') qb.andWhere('r.audience_role = :role', { role: 'leader' });
      else if (scope.role !== 'admin') restrictMonitoringRows(qb, 'r', scope);
      return qb;
    };
    const open = await base().andWhere('r.resolved_at IS NULL').andWhere('r.dismissed_at IS NULL').getCount();
    const qb = base();
    if ((query.status ?? 'open') === 'open') qb.andWhere('r.resolved_at IS NULL').andWhere('r.dismissed_at IS NULL');
    const rows = await qb
      .orderBy('r.period', 'DESC')
      .addOrderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .take(query.limit ?? 100)
      .getMany();
    return { open, items: await this.toDtos(rows) };
  }

  /** The responsible role (or an admin) marks a reminder as dealt with; audited. */
  async dismiss(id: number, auth: AuthContext): Promise<ReminderDto> {
    const row = await this.reminders.findOneBy({ id });
    const role = auth.user.role;
    if (!row) throw MonitoringException.reminderNotFound(id);
    if (role !== 'admin' && role !== row.audienceRole) {
      // Not the responsible role: a reminder the user cannot see is answered as not found.
      const visible = await restrictMonitoringRows(this.reminders.createQueryBuilder('r').where('r.id = :id', { id }), 'r', auth.scope).getCount();
      if (!visible) throw MonitoringException.reminderNotFound(id);
      throw MonitoringException.notResponsible();
    }
    if (row.dismissedAt === null) {
      const now = this.clock.now();
      await this.reminders.manager.transaction(async (m) => {
        await m.getRepository(Reminder).update(id, { dismissedAt: now, dismissedById: auth.user.id });
        await this.audit.record({ action: 'reminder.dismiss', objectType: 'reminder', objectId: id, detail: { period: row.period, subject: row.subjectKey }, manager: m });
      });
    }
    return (await this.toDtos([(await this.reminders.findOneBy({ id }))!]))[0];
  }

  private async toDtos(rows: Reminder[]): Promise<ReminderDto[]> {
    if (!rows.length) return [];
    const { industries, regions } = await this.catalog.lookup();
    const ref = (m: ReadonlyMap<number, { code: string; name: string }>, id: number | null) => {
      const v = id === null ? undefined : m.get(id);
      return v ? { code: v.code, name: v.name } : null;
    };
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      period: r.period,
      subjectKey: r.subjectKey,
      audienceRole: r.audienceRole,
      district: ref(regions, r.districtId),
      industry: ref(industries, r.industryNodeId),
      region: ref(regions, r.regionId),
      title: r.title,
      body: r.body,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
      dismissedAt: r.dismissedAt ? r.dismissedAt.toISOString() : null,
    }));
  }
}
