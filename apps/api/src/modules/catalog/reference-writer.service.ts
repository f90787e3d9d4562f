/**
 * Writes the reference lists a clerk uploads (园区名录, 企业名录) — the catalog owns these tables, so
 * every write to them goes through here. The uploads module plans a file against the catalog
 * ({@link ReferenceWriterService.plan}), applies the plan inside its commit transaction
 * ({@link ReferenceWriterService.apply}) and keeps the `before` snapshot of every changed row, which
 * {@link ReferenceWriterService.restore} puts back on rollback.
 *
 * Only the fields an upload can set are compared and written; a field the file does not give (column
 * absent or cell empty) keeps its stored value. A park's district is denormalised on its enterprises
 * (`enterprise.district_id`, the scope of district users), so they follow it.
 */
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { normalizeDecimal } from '../../core/database/decimal';
import { CatalogException } from './catalog.exception';
import { Enterprise } from './entities/enterprise.entity';
import { IndustryNode } from './entities/industry-node.entity';
import { ParkIndustry } from './entities/park-industry.entity';
import { Region } from './entities/region.entity';

export type ReferenceDataset = 'parks' | 'enterprises';

export function isReferenceDataset(dataset: string | null | undefined): dataset is ReferenceDataset {
  return dataset === 'parks' || dataset === 'enterprises';
}

/** The stored fields of a park an upload sets (the region row of type `park` and its industries). */
export interface ParkSnapshot {
  code: string;
  name: string;
  districtId: number;
  zoneId: number | null;
  landAreaMu: string | null;
  note: string | null;
  industryIds: number[];
}

/** The stored fields of an enterprise an upload sets. */
export interface EnterpriseSnapshot {
  creditCode: string;
  name: string;
  parkId: number | null;
  districtId: number | null;
  industryIds: number[];
  aboveScale: boolean;
  hnte: boolean;
  littleGiant: boolean;
  champion: boolean;
  chainLeader: boolean;
}

export type ReferenceSnapshot = ParkSnapshot | EnterpriseSnapshot;

/** One row of a file: its key and the fields it gives (undefined = keep what is stored). */
export type ParkInput = { code: string } & Partial<Omit<ParkSnapshot, 'code'>>;
export type EnterpriseInput = { creditCode: string } & Partial<Omit<EnterpriseSnapshot, 'creditCode'>>;
export type ReferenceInput = ParkInput | EnterpriseInput;

export interface ReferenceFieldChange {
  field: string;
  label: string;
  old: string | null;
  new: string | null;
}

export interface ReferenceChange {
  kind: 'new' | 'changed' | 'unchanged';
  /** Park code or credit code. */
  key: string;
  /** `园区 软件园（xm.park.software）`, `厦门示例科技有限公司（9135…）`. */
  subject: string;
  before: ReferenceSnapshot | null;
  after: ReferenceSnapshot;
  fields: ReferenceFieldChange[];
}

const PARK_LABELS: Record<Exclude<keyof ParkSnapshot, 'code'>, string> = {
  name: '园区名称',
  districtId: '所属区',
  zoneId: '所属开发区',
  landAreaMu: '占地面积(亩)',
  note: '备注',
  industryIds: '主导产业',
};

const ENTERPRISE_LABELS: Record<Exclude<keyof EnterpriseSnapshot, 'creditCode'>, string> = {
  name: '企业名称',
  parkId: '所属园区',
  districtId: '所属区',
  industryIds: '所属产业',
  aboveScale: '规模以上',
  hnte: '国家高新技术企业',
  littleGiant: '专精特新"小巨人"',
  champion: '制造业单项冠军',
  chainLeader: '链主企业',
};

const CHUNK = 500;
const isMysql = (m: EntityManager) => m.connection.options.type === 'mysql' || m.connection.options.type === 'mariadb';
const sortedIds = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);
const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

@Injectable()
export class ReferenceWriterService {
  /** The rows' current state and what the inputs would make of them, in file order. `lock`: rows read FOR UPDATE (MySQL). */
  async plan(m: EntityManager, dataset: ReferenceDataset, inputs: readonly ReferenceInput[], options: { lock?: boolean } = {}): Promise<ReferenceChange[]> {
    const names = await this.names(m);
    if (dataset === 'parks') {
      const stored = await this.loadParks(m, inputs.map((i) => (i as ParkInput).code), options.lock ?? false);
      return inputs.map((input) => {
        const i = input as ParkInput;
        const before = stored.get(i.code) ?? null;
        const after: ParkSnapshot = {
          code: i.code,
          name: i.name ?? before?.name ?? '',
          districtId: i.districtId ?? before?.districtId ?? 0,
          zoneId: i.zoneId !== undefined ? i.zoneId : (before?.zoneId ?? null),
          landAreaMu: i.landAreaMu !== undefined ? normalizeDecimal(i.landAreaMu, 4) : (before?.landAreaMu ?? null),
          note: i.note !== undefined ? i.note : (before?.note ?? null),
          industryIds: i.industryIds ? sortedIds(i.industryIds) : (before?.industryIds ?? []),
        };
        return this.change(i.code, `园区 ${after.name}（${i.code}）`, before, after, PARK_LABELS, names);
      });
    }
    const stored = await this.loadEnterprises(m, inputs.map((i) => (i as EnterpriseInput).creditCode), options.lock ?? false);
    return inputs.map((input) => {
      const i = input as EnterpriseInput;
      const before = stored.get(i.creditCode) ?? null;
      const after: EnterpriseSnapshot = {
        creditCode: i.creditCode,
        name: i.name ?? before?.name ?? '',
        parkId: i.parkId !== undefined ? i.parkId : (before?.parkId ?? null),
        districtId: i.districtId !== undefined ? i.districtId : (before?.districtId ?? null),
        industryIds: i.industryIds ? sortedIds(i.industryIds) : (before?.industryIds ?? []),
        aboveScale: i.aboveScale ?? before?.aboveScale ?? false,
        hnte: i.hnte ?? before?.hnte ?? false,
        littleGiant: i.littleGiant ?? before?.littleGiant ?? false,
        champion: i.champion ?? before?.champion ?? false,
        chainLeader: i.chainLeader ?? before?.chainLeader ?? false,
      };
      return this.change(i.creditCode, `${after.name}（${i.creditCode}）`, before, after, ENTERPRISE_LABELS, names);
    });
  }

  /** Writes the new and changed rows of a plan (inside the caller's transaction). */
  async apply(m: EntityManager, dataset: ReferenceDataset, changes: readonly ReferenceChange[]): Promise<void> {
    for (const c of changes) {
      if (c.kind === 'unchanged') continue;
      if (dataset === 'parks') await this.writePark(m, c.after as ParkSnapshot, c.before === null);
      else await this.writeEnterprise(m, c.after as EnterpriseSnapshot, c.before === null);
    }
  }

  /**
   * Puts rows back as they were before a batch, last change first: a row the batch added is deleted
   * (refused while something else refers to it), a changed row gets its snapshot back.
   */
  async restore(m: EntityManager, dataset: ReferenceDataset, changes: readonly { key: string; before: ReferenceSnapshot | null }[]): Promise<{ restored: number; removed: number }> {
    let restored = 0;
    let removed = 0;
    for (const c of [...changes].reverse()) {
      if (c.before) {
        if (dataset === 'parks') await this.writePark(m, c.before as ParkSnapshot, false);
        else await this.writeEnterprise(m, c.before as EnterpriseSnapshot, false);
        restored++;
      } else {
        if (dataset === 'parks') await this.deletePark(m, c.key);
        else await this.deleteEnterprise(m, c.key);
        removed++;
      }
    }
    return { restored, removed };
  }

  // -------------------------------------------------------------------------------------------

  private change<S extends ReferenceSnapshot>(
    key: string,
    subject: string,
    before: S | null,
    after: S,
    labels: Record<string, string>,
    names: { region: Map<number, string>; industry: Map<number, string> },
  ): ReferenceChange {
    const fields: ReferenceFieldChange[] = [];
    for (const [field, label] of Object.entries(labels)) {
      const old = before ? (before as unknown as Record<string, unknown>)[field] : undefined;
      const now = (after as unknown as Record<string, unknown>)[field];
      const same = Array.isArray(now) ? Array.isArray(old) && sameIds(old as number[], now as number[]) : old === now;
      if (before && same) continue;
      const text = (v: unknown): string | null => {
        if (v === undefined || v === null) return null;
        if (Array.isArray(v)) return v.length ? v.map((id: number) => names.industry.get(id) ?? String(id)).join('、') : null;
        if (typeof v === 'boolean') return v ? '是' : '否';
        if (field === 'districtId' || field === 'zoneId' || field === 'parkId') return names.region.get(v as number) ?? String(v);
        return String(v);
      };
      if (!before && text(now) === null) continue;
      fields.push({ field, label, old: text(old), new: text(now) });
    }
    return { kind: before === null ? 'new' : fields.length ? 'changed' : 'unchanged', key, subject, before, after, fields };
  }

  private async names(m: EntityManager): Promise<{ region: Map<number, string>; industry: Map<number, string> }> {
    const [regions, industries] = await Promise.all([
      m.getRepository(Region).find({ select: { id: true, name: true } }),
      m.getRepository(IndustryNode).find({ select: { id: true, name: true } }),
    ]);
    return { region: new Map(regions.map((r) => [r.id, r.name])), industry: new Map(industries.map((i) => [i.id, i.name])) };
  }

  private async loadParks(m: EntityManager, codes: string[], lock: boolean): Promise<Map<string, ParkSnapshot & { id: number }>> {
    const out = new Map<string, ParkSnapshot & { id: number }>();
    const unique = [...new Set(codes)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const qb = m.getRepository(Region).createQueryBuilder('r').where('r.code IN (:...codes)', { codes: unique.slice(i, i + CHUNK) }).andWhere('r.type = :t', { t: 'park' });
      if (lock && isMysql(m)) qb.setLock('pessimistic_write');
      const rows = await qb.getMany();
      const links = rows.length ? await m.getRepository(ParkIndustry).find({ where: { parkId: In(rows.map((r) => r.id)) } }) : [];
      for (const r of rows) {
        out.set(r.code, {
          id: r.id,
          code: r.code,
          name: r.name,
          districtId: r.parentId ?? 0,
          zoneId: r.zoneId,
          landAreaMu: r.landAreaMu,
          note: r.note,
          industryIds: sortedIds(links.filter((l) => l.parkId === r.id).map((l) => l.industryNodeId)),
        });
      }
    }
    return out;
  }

  private async loadEnterprises(m: EntityManager, codes: string[], lock: boolean): Promise<Map<string, EnterpriseSnapshot & { id: number }>> {
    const out = new Map<string, EnterpriseSnapshot & { id: number }>();
    const unique = [...new Set(codes)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const qb = m.getRepository(Enterprise).createQueryBuilder('e').where('e.credit_code IN (:...codes)', { codes: unique.slice(i, i + CHUNK) });
      if (lock && isMysql(m)) qb.setLock('pessimistic_write');
      const rows = await qb.getMany();
      const links = await this.enterpriseIndustries(m, rows.map((r) => r.id));
      for (const e of rows) {
        out.set(e.creditCode, {
          id: e.id,
          creditCode: e.creditCode,
          name: e.name,
          parkId: e.parkId,
          districtId: e.districtId,
          industryIds: sortedIds(links.get(e.id) ?? []),
          aboveScale: Boolean(e.aboveScale),
          hnte: Boolean(e.hnte),
          littleGiant: Boolean(e.littleGiant),
          champion: Boolean(e.champion),
          chainLeader: Boolean(e.chainLeader),
        });
      }
    }
    return out;
  }

  private async enterpriseIndustries(m: EntityManager, ids: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (!ids.length) return out;
    const rows: { enterprise_id: number | string; industry_node_id: number | string }[] = await m.query(
      `SELECT enterprise_id, industry_node_id FROM enterprise_industry WHERE enterprise_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    for (const r of rows) {
      const list = out.get(Number(r.enterprise_id)) ?? [];
      list.push(Number(r.industry_node_id));
      out.set(Number(r.enterprise_id), list);
    }
    return out;
  }

  private async writePark(m: EntityManager, s: ParkSnapshot, isNew: boolean): Promise<void> {
    const repo = m.getRepository(Region);
    let id: number;
    if (isNew) {
      const saved = await repo.save(
        repo.create({ code: s.code, type: 'park', parentId: s.districtId, zoneId: s.zoneId, name: s.name, nameEn: null, landAreaMu: s.landAreaMu, districtVerified: true, note: s.note, source: null }),
      );
      id = saved.id;
    } else {
      const row = await repo.findOneByOrFail({ code: s.code });
      id = row.id;
      await repo.update(id, { name: s.name, parentId: s.districtId, zoneId: s.zoneId, landAreaMu: s.landAreaMu, note: s.note });
      if (row.parentId !== s.districtId) await m.getRepository(Enterprise).update({ parkId: id }, { districtId: s.districtId });
    }
    const links = m.getRepository(ParkIndustry);
    const current = sortedIds((await links.find({ where: { parkId: id } })).map((l) => l.industryNodeId));
    if (sameIds(current, s.industryIds)) return;
    const gone = current.filter((x) => !s.industryIds.includes(x));
    const added = s.industryIds.filter((x) => !current.includes(x));
    if (gone.length) await links.delete({ parkId: id, industryNodeId: In(gone) });
    if (added.length) await links.insert(added.map((industryNodeId) => ({ parkId: id, industryNodeId, source: null })));
  }

  private async writeEnterprise(m: EntityManager, s: EnterpriseSnapshot, isNew: boolean): Promise<void> {
    const repo = m.getRepository(Enterprise);
    const fields = { name: s.name, parkId: s.parkId, districtId: s.districtId, aboveScale: s.aboveScale, hnte: s.hnte, littleGiant: s.littleGiant, champion: s.champion, chainLeader: s.chainLeader };
    let id: number;
    if (isNew) id = (await repo.save(repo.create({ creditCode: s.creditCode, isDemo: false, ...fields }))).id;
    else {
      id = (await repo.findOneByOrFail({ creditCode: s.creditCode })).id;
      await repo.update(id, fields);
    }
    const current = sortedIds((await this.enterpriseIndustries(m, [id])).get(id) ?? []);
    if (sameIds(current, s.industryIds)) return;
    const gone = current.filter((x) => !s.industryIds.includes(x));
    const added = s.industryIds.filter((x) => !current.includes(x));
    if (gone.length) await m.query(`DELETE FROM enterprise_industry WHERE enterprise_id = ? AND industry_node_id IN (${gone.map(() => '?').join(', ')})`, [id, ...gone]);
    if (added.length) await m.query(`INSERT INTO enterprise_industry (enterprise_id, industry_node_id) VALUES ${added.map(() => '(?, ?)').join(', ')}`, added.flatMap((x) => [id, x]));
  }

  private async count(m: EntityManager, sql: string, ...params: number[]): Promise<number> {
    const [row] = (await m.query(sql, params)) as { n: number | string }[];
    return Number(row?.n ?? 0);
  }

  private async deletePark(m: EntityManager, code: string): Promise<void> {
    const park = await m.getRepository(Region).findOneBy({ code, type: 'park' });
    if (!park) return;
    const enterprises = await this.count(m, 'SELECT COUNT(*) AS n FROM enterprise WHERE park_id = ?', park.id);
    const series = await this.count(m, 'SELECT COUNT(*) AS n FROM series WHERE region_id = ?', park.id);
    const children = await this.count(m, 'SELECT COUNT(*) AS n FROM region WHERE parent_id = ? OR zone_id = ?', park.id, park.id);
    const targets = await this.count(m, 'SELECT COUNT(*) AS n FROM target WHERE region_id = ? OR denominator_region_id = ?', park.id, park.id);
    if (enterprises || series || children || targets) {
      const uses = [enterprises ? `${enterprises} 家企业登记在该园区` : '', series ? '已有该园区的统计数据' : '', children ? '有下级区域' : '', targets ? `${targets} 项规划目标以该园区为对象` : '']
        .filter(Boolean)
        .join('，');
      throw CatalogException.referenceInUse(`园区「${park.name}」（${code}）`, uses);
    }
    await m.getRepository(ParkIndustry).delete({ parkId: park.id });
    await m.getRepository(Region).delete(park.id);
  }

  private async deleteEnterprise(m: EntityManager, creditCode: string): Promise<void> {
    const e = await m.getRepository(Enterprise).findOneBy({ creditCode });
    if (!e) return;
    const series = await this.count(m, 'SELECT COUNT(*) AS n FROM series WHERE enterprise_id = ?', e.id);
    if (series) throw CatalogException.referenceInUse(`企业「${e.name}」（${creditCode}）`, '已有该企业的月度数据');
    await m.query('DELETE FROM enterprise_industry WHERE enterprise_id = ?', [e.id]);
    await m.getRepository(Enterprise).delete(e.id);
  }
}
