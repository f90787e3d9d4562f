import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError, type EntityManager, type Repository } from 'typeorm';
import type { AnnualTargetDto, PlanDetailDto, PlanDto, TargetDto, TargetImportReportDto } from '@im/contracts';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import type { PutAnnualTargetDto } from './dto/annual-target.dto';
import type { ImportTargetsQuery } from './dto/import-targets.query';
import type { CreatePlanDto, UpdatePlanDto } from './dto/plan.dto';
import type { CreateTargetDto, UpdateTargetDto } from './dto/target.dto';
import { AnnualTarget } from './entities/annual-target.entity';
import { Plan } from './entities/plan.entity';
import { Target } from './entities/target.entity';
import { PlansException } from './plans.exception';
import { toAnnualTargetDto, toPlanDetailDto, toPlanDto, toReferenceIndex, toTargetDto, toTargetFields, type CatalogLookup } from './plans.mapper';
import { decodeCsv } from './targets-csv/decode-csv';
import { parseTargetsCsv } from './targets-csv/parse-targets-csv';
import { annualYearsOutOfRange, planTargetImport, type ExistingTarget } from './targets-csv/plan-target-import';
import { serializeTargetsCsv } from './targets-csv/serialize-targets-csv';
import { TARGET_FIELDS, targetFields, type TargetField, type TargetFields } from './targets-csv/target-fields';
import { annualYearRange, checkPositiveDecimal, validateTarget, type TargetValidationContext, type ValidTarget } from './targets-csv/validate-target';

/** An uploaded file as multer hands it over (memory storage). */
export interface UploadedCsvFile {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

export interface CsvExport {
  fileName: string;
  content: string;
}

/** Rows per INSERT statement: far below SQLite's bound-parameter limit at 21 columns. */
const INSERT_CHUNK = 500;

/**
 * Plans, targets and annual targets: reads, administration (create, change, delete) and the CSV
 * import/export of targets. Every write validates with the same rules as the CSV import
 * (targets-csv/validate-target.ts) and changes nothing when it refuses.
 */
@Injectable()
export class PlansService {
  constructor(
    @InjectRepository(Plan) private readonly plans: Repository<Plan>,
    @InjectRepository(Target) private readonly targets: Repository<Target>,
    @InjectRepository(AnnualTarget) private readonly annualTargets: Repository<AnnualTarget>,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Reads

  async listPlans(): Promise<PlanDto[]> {
    return (await this.plans.find({ order: { startYear: 'DESC', code: 'ASC' } })).map(toPlanDto);
  }

  async planByCode(code: string): Promise<Plan> {
    const plan = await this.plans.findOneBy({ code });
    if (!plan) throw PlansException.planNotFound(code);
    return plan;
  }

  async planDetail(code: string): Promise<PlanDetailDto> {
    const plan = await this.planByCode(code);
    return toPlanDetailDto(plan, await this.targetDtos(plan));
  }

  async listTargets(code: string): Promise<TargetDto[]> {
    return this.targetDtos(await this.planByCode(code));
  }

  async target(code: string, targetCode: string): Promise<TargetDto> {
    const plan = await this.planByCode(code);
    const target = await this.targetOf(plan, targetCode);
    return toTargetDto(target, plan.code, await this.catalog.lookup(), await this.annualTargets.findBy({ targetId: target.id }));
  }

  /** The plan's targets as a CSV file in the format of seeds/reference/targets.csv (UTF-8 with BOM). */
  async exportTargetsCsv(code: string): Promise<CsvExport> {
    const plan = await this.planByCode(code);
    const [targets, lookup] = await Promise.all([this.targets.find({ where: { planId: plan.id }, order: { id: 'ASC' } }), this.catalog.lookup()]);
    const content = serializeTargetsCsv(targets.map((t) => toTargetFields(t, plan.code, lookup)));
    const fileName = `${plan.code}-targets.csv`;
    await this.audit.record({ action: 'export', objectType: 'plan_targets', objectId: plan.code, fileSha256: sha256(content), detail: { fileName, rows: targets.length } });
    return { fileName, content };
  }

  // ---------------------------------------------------------------------------------------------
  // Plans (writes)

  async createPlan(dto: CreatePlanDto): Promise<PlanDto> {
    if (dto.startYear > dto.endYear) throw PlansException.invalidPlanYears(dto.startYear, dto.endYear);
    if (await this.plans.existsBy({ code: dto.code })) throw PlansException.planExists(dto.code);
    const plan = this.plans.create({
      code: dto.code,
      name: dto.name,
      nameEn: dto.nameEn ?? null,
      startYear: dto.startYear,
      endYear: dto.endYear,
      ownerUnit: dto.ownerUnit ?? null,
      source: dto.source ?? null,
    });
    await this.plans.manager.transaction(async (m) => {
      await m.getRepository(Plan).insert(plan).catch(rethrowUnique(() => PlansException.planExists(dto.code)));
      await this.audit.record({ action: 'plan.create', objectType: 'plan', objectId: plan.code, manager: m, detail: { ...toPlanDto(plan) } });
    });
    return toPlanDto(plan);
  }

  async updatePlan(code: string, dto: UpdatePlanDto): Promise<PlanDto> {
    return this.plans.manager.transaction(async (m) => {
      const plan = await this.planIn(m, code);
      const startYear = dto.startYear ?? plan.startYear;
      const endYear = dto.endYear ?? plan.endYear;
      if (startYear > endYear) throw PlansException.invalidPlanYears(startYear, endYear);
      if (startYear !== plan.startYear) await this.checkPlanStart(m, plan, startYear);
      const changes: Partial<Plan> = {};
      for (const key of ['name', 'nameEn', 'startYear', 'endYear', 'ownerUnit', 'source'] as const) {
        if (dto[key] !== undefined && dto[key] !== plan[key]) Object.assign(changes, { [key]: dto[key] });
      }
      if (Object.keys(changes).length) {
        await m.getRepository(Plan).update(plan.id, changes);
        await this.audit.record({ action: 'plan.update', objectType: 'plan', objectId: plan.code, manager: m, detail: { changes: diff(plan, changes) } });
      }
      return toPlanDto({ ...plan, ...changes });
    });
  }

  /** Refused (409) while the plan has targets: deleting official targets is a deliberate, separate step. */
  async deletePlan(code: string): Promise<void> {
    await this.plans.manager.transaction(async (m) => {
      const plan = await this.planIn(m, code);
      const count = await m.getRepository(Target).countBy({ planId: plan.id });
      if (count > 0) throw PlansException.planHasTargets(plan.code, count);
      await m.getRepository(Plan).delete(plan.id);
      await this.audit.record({ action: 'plan.delete', objectType: 'plan', objectId: plan.code, manager: m, detail: { ...toPlanDto(plan) } });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Targets (writes)

  async createTarget(code: string, dto: CreateTargetDto): Promise<TargetDto> {
    const plan = await this.planByCode(code);
    const { ctx, lookup } = await this.context(plan);
    const target = validOrThrow(validateTarget(targetFields({ ...requestFields(dto), planCode: plan.code }), ctx));
    if (await this.targets.existsBy({ planId: plan.id, code: target.values.code })) throw PlansException.targetExists(plan.code, target.values.code);
    const entity = this.targets.create({ ...target.values, planId: plan.id });
    await this.plans.manager.transaction(async (m) => {
      await m.getRepository(Target).insert(entity).catch(rethrowUnique(() => PlansException.targetExists(plan.code, target.values.code)));
      await this.audit.record({ action: 'target.create', objectType: 'target', objectId: `${plan.code}/${entity.code}`, manager: m, detail: { ...target.values } });
    });
    return toTargetDto(entity, plan.code, lookup, []);
  }

  /** Validates the target as it would be after the change, as a whole; annual targets must stay within its years. */
  async updateTarget(code: string, targetCode: string, dto: UpdateTargetDto): Promise<TargetDto> {
    const plan = await this.planByCode(code);
    const { ctx, lookup } = await this.context(plan);
    return this.plans.manager.transaction(async (m) => {
      const current = await this.targetIn(m, plan, targetCode);
      const merged = { ...toTargetFields(current, plan.code, lookup), ...requestFields(dto) };
      const target = validOrThrow(validateTarget(merged, ctx));
      const annuals = await m.getRepository(AnnualTarget).findBy({ targetId: current.id });
      const outOfRange = annualYearsOutOfRange(
        target,
        annuals.map((a) => a.year),
        ctx,
      );
      if (outOfRange) throw PlansException.annualTargetsConflict(outOfRange.message);
      const changes = changedValues(current, target);
      if (Object.keys(changes).length) {
        await m.getRepository(Target).update(current.id, changes);
        await this.audit.record({ action: 'target.update', objectType: 'target', objectId: `${plan.code}/${current.code}`, manager: m, detail: { changes: diff(current, changes) } });
      }
      return toTargetDto({ ...current, ...changes } as Target, plan.code, lookup, annuals);
    });
  }

  async deleteTarget(code: string, targetCode: string): Promise<void> {
    const plan = await this.planByCode(code);
    await this.plans.manager.transaction(async (m) => {
      const target = await this.targetIn(m, plan, targetCode);
      const annuals = await m.getRepository(AnnualTarget).findBy({ targetId: target.id });
      await m.getRepository(AnnualTarget).delete({ targetId: target.id });
      await m.getRepository(Target).delete(target.id);
      await this.audit.record({
        action: 'target.delete',
        objectType: 'target',
        objectId: `${plan.code}/${target.code}`,
        manager: m,
        detail: { name: target.name, targetValue: target.targetValue, targetYear: target.targetYear, annualTargets: annuals.map((a) => ({ year: a.year, value: a.value })) },
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Annual targets (年度目标, writes)

  /** Sets the year's target (insert or replace); only years strictly between the baseline (or the plan's start − 1) and the target year. */
  async putAnnualTarget(code: string, targetCode: string, year: number, dto: PutAnnualTargetDto): Promise<AnnualTargetDto> {
    const plan = await this.planByCode(code);
    const checked = checkPositiveDecimal(null, dto.value, '年度目标值(value)', false);
    if (checked.error) throw PlansException.invalidAnnualTarget(checked.error.message);
    return this.plans.manager.transaction(async (m) => {
      const target = await this.targetIn(m, plan, targetCode);
      const { from, to } = annualYearRange(target, plan);
      if (year < from || year > to) throw PlansException.annualYearOutOfRange(year, from, to);
      const repo = m.getRepository(AnnualTarget);
      const existing = await repo.findOneBy({ targetId: target.id, year });
      const note = dto.note ?? null;
      const objectId = `${plan.code}/${target.code}/${year}`;
      if (existing) {
        if (existing.value !== checked.value || existing.note !== note) {
          await repo.update(existing.id, { value: checked.value!, note });
          await this.audit.record({ action: 'annual_target.set', objectType: 'annual_target', objectId, manager: m, detail: { changes: diff(existing, { value: checked.value!, note }) } });
        }
        return toAnnualTargetDto({ ...existing, value: checked.value!, note });
      }
      const created = repo.create({ targetId: target.id, year, value: checked.value!, note });
      await repo.insert(created).catch(rethrowUnique(() => PlansException.concurrentChange()));
      await this.audit.record({ action: 'annual_target.set', objectType: 'annual_target', objectId, manager: m, detail: { changes: { value: { from: null, to: created.value }, note: { from: null, to: note } } } });
      return toAnnualTargetDto(created);
    });
  }

  async deleteAnnualTarget(code: string, targetCode: string, year: number): Promise<void> {
    const plan = await this.planByCode(code);
    await this.plans.manager.transaction(async (m) => {
      const target = await this.targetIn(m, plan, targetCode);
      const existing = await m.getRepository(AnnualTarget).findOneBy({ targetId: target.id, year });
      const result = await m.getRepository(AnnualTarget).delete({ targetId: target.id, year });
      if (!result.affected) throw PlansException.annualTargetNotFound(target.code, year);
      await this.audit.record({ action: 'annual_target.delete', objectType: 'annual_target', objectId: `${plan.code}/${target.code}/${year}`, manager: m, detail: { value: existing?.value ?? null, note: existing?.note ?? null } });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // CSV import (writes)

  /**
   * Imports a targets file (format of seeds/reference/targets.csv; UTF-8 with or without BOM, or
   * GBK). Every row is validated; with any error nothing is written and the report of every error
   * is returned as a 400 (a dry run returns it as 200). Otherwise new targets are inserted and
   * changed ones updated in one transaction; targets absent from the file are left alone.
   */
  async importTargets(code: string, file: UploadedCsvFile | undefined, options: ImportTargetsQuery): Promise<TargetImportReportDto> {
    const plan = await this.planByCode(code);
    if (!file) throw PlansException.importFileMissing();
    const decoded = decodeCsv(file.buffer, options.encoding ?? 'auto');
    const parsed = parseTargetsCsv(decoded.text);
    const { ctx, lookup } = await this.context(plan);
    const dryRun = options.dryRun ?? false;

    const run = async (m: EntityManager): Promise<TargetImportReportDto> => {
      const existing = await this.existingTargets(m, plan, lookup);
      const result = planTargetImport(parsed, existing, ctx);
      const report: TargetImportReportDto = {
        planCode: plan.code,
        fileName: file.originalname ?? null,
        encoding: decoded.encoding,
        dryRun,
        applied: false,
        rowCount: parsed.dataRows,
        inserted: result.inserts.length,
        updated: result.updates.length,
        unchanged: result.rows.filter((r) => r.action === 'unchanged').length,
        rows: result.rows,
        notInFile: result.notInFile,
        errors: result.errors,
      };
      if (dryRun) return report;
      if (report.errors.length) throw PlansException.importInvalid(report);
      const repo = m.getRepository(Target);
      const inserts = result.inserts.map((i) => ({ ...i.target.values, planId: plan.id }));
      for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
        await repo.insert(inserts.slice(i, i + INSERT_CHUNK)).catch(rethrowUnique(() => PlansException.concurrentChange()));
      }
      for (const u of result.updates) await repo.update(u.id, pickValues(u.target, u.changed));
      await this.audit.record({
        action: 'target.import',
        objectType: 'plan',
        objectId: plan.code,
        fileSha256: sha256(file.buffer),
        manager: m,
        detail: { fileName: report.fileName, encoding: report.encoding, rows: report.rowCount, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, insertedCodes: result.inserts.map((i) => i.target.values.code), updatedCodes: result.updates.map((u) => u.target.values.code) },
      });
      return { ...report, applied: true };
    };
    return dryRun ? run(this.plans.manager) : this.plans.manager.transaction(run);
  }

  // ---------------------------------------------------------------------------------------------

  private async context(plan: Plan): Promise<{ ctx: TargetValidationContext; lookup: CatalogLookup }> {
    const lookup = await this.catalog.lookup();
    return { lookup, ctx: { plan: { code: plan.code, startYear: plan.startYear, endYear: plan.endYear }, refs: toReferenceIndex(lookup) } };
  }

  private async targetDtos(plan: Plan): Promise<TargetDto[]> {
    const targets = await this.targets.find({ where: { planId: plan.id }, order: { id: 'ASC' } });
    if (!targets.length) return [];
    const [lookup, annuals] = await Promise.all([this.catalog.lookup(), this.annualTargets.findBy({ targetId: In(targets.map((t) => t.id)) })]);
    return targets.map((t) =>
      toTargetDto(
        t,
        plan.code,
        lookup,
        annuals.filter((a) => a.targetId === t.id),
      ),
    );
  }

  private async targetOf(plan: Plan, targetCode: string): Promise<Target> {
    return this.targetIn(this.plans.manager, plan, targetCode);
  }

  private async targetIn(m: EntityManager, plan: Plan, targetCode: string): Promise<Target> {
    const target = await m.getRepository(Target).findOneBy({ planId: plan.id, code: targetCode });
    if (!target) throw PlansException.targetNotFound(plan.code, targetCode);
    return target;
  }

  private async planIn(m: EntityManager, code: string): Promise<Plan> {
    const plan = await m.getRepository(Plan).findOneBy({ code });
    if (!plan) throw PlansException.planNotFound(code);
    return plan;
  }

  private async existingTargets(m: EntityManager, plan: Plan, lookup: CatalogLookup): Promise<ExistingTarget[]> {
    const targets = await m.getRepository(Target).find({ where: { planId: plan.id }, order: { id: 'ASC' } });
    const annuals = targets.length ? await m.getRepository(AnnualTarget).findBy({ targetId: In(targets.map((t) => t.id)) }) : [];
    return targets.map((t) => ({
      id: t.id,
      fields: toTargetFields(t, plan.code, lookup),
      annualYears: annuals.filter((a) => a.targetId === t.id).map((a) => a.year),
    }));
  }

  /** A new start year must not leave targets before it, nor annual targets of targets without baseline. */
  private async checkPlanStart(m: EntityManager, plan: Plan, startYear: number): Promise<void> {
    const targets = await m.getRepository(Target).findBy({ planId: plan.id });
    const problems = targets.filter((t) => t.targetYear < startYear).map((t) => `目标"${t.code}"的目标年份 ${t.targetYear} 早于新的开始年份 ${startYear}`);
    const noBaseline = targets.filter((t) => t.baselineYear === null);
    if (noBaseline.length) {
      const annuals = await m.getRepository(AnnualTarget).findBy({ targetId: In(noBaseline.map((t) => t.id)) });
      for (const t of noBaseline) {
        const { from, to } = annualYearRange(t, { code: plan.code, startYear, endYear: plan.endYear });
        const outside = annuals.filter((a) => a.targetId === t.id && (a.year < from || a.year > to)).map((a) => a.year);
        if (outside.length) problems.push(`目标"${t.code}"已录入 ${outside.sort().join('、')} 年的年度目标，不在新的规划期内`);
      }
    }
    if (problems.length) throw PlansException.planYearsConflict(problems);
  }
}

/** The request's fields in the text form validation reads (only those sent: a PATCH merges them). */
function requestFields(dto: CreateTargetDto | UpdateTargetDto): Partial<TargetFields> {
  const out: Partial<TargetFields> = {};
  for (const field of TARGET_FIELDS) {
    if (field === 'planCode' || !(field in dto)) continue;
    const value = (dto as Record<string, unknown>)[field];
    if (value === undefined) continue;
    out[field] = value === null ? null : String(value);
  }
  return out;
}

function validOrThrow(result: ReturnType<typeof validateTarget>): ValidTarget {
  if (result.ok) return result.target;
  throw PlansException.invalidTarget(result.errors.map((e) => ({ field: e.field ?? 'target', code: e.code, message: e.message })));
}

type TargetValues = ValidTarget['values'];

function changedValues(current: Target, target: ValidTarget): Partial<TargetValues> {
  const changes: Partial<TargetValues> = {};
  for (const [key, value] of Object.entries(target.values) as [keyof TargetValues, TargetValues[keyof TargetValues]][]) {
    if ((current[key] ?? null) !== value) Object.assign(changes, { [key]: value });
  }
  return changes;
}

/** Column values of the changed text fields (codes resolve to the id columns). */
function pickValues(target: ValidTarget, changed: readonly TargetField[]): Partial<TargetValues> {
  const columns: Partial<Record<TargetField, (keyof TargetValues)[]>> = {
    industryCode: ['industryNodeId'],
    regionCode: ['regionId'],
    indicatorCode: ['indicatorId'],
    denominatorIndustryCode: ['denominatorIndustryNodeId'],
    denominatorRegionCode: ['denominatorRegionId'],
    denominatorIndicatorCode: ['denominatorIndicatorId'],
    planCode: [],
  };
  const out: Partial<TargetValues> = {};
  for (const f of changed) {
    for (const key of columns[f] ?? [f as keyof TargetValues]) Object.assign(out, { [key]: target.values[key] });
  }
  return out;
}

/** Maps a unique-index violation (a concurrent insert of the same code) to a domain error. */
function rethrowUnique(toError: () => PlansException): (e: unknown) => never {
  return (e: unknown) => {
    const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; message?: string }) : undefined;
    if (driver && (driver.code === 'ER_DUP_ENTRY' || driver.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(driver.message ?? ''))) throw toError();
    throw e;
  };
}

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** Old → new of the changed fields, for the audit record. */
function diff<T extends object>(before: T, changes: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(changes)) out[key] = { from: (before as Record<string, unknown>)[key] ?? null, to: to ?? null };
  return out;
}
