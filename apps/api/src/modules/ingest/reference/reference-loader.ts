import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { UploadDataset } from '@im/contracts';
import { Enterprise } from '../../catalog/entities/enterprise.entity';
import { Indicator } from '../../catalog/entities/indicator.entity';
import { IndustryNode } from '../../catalog/entities/industry-node.entity';
import { Region } from '../../catalog/entities/region.entity';
import { Series } from '../../observations/entities/series.entity';
import { ReferenceIndex, type RefEnterprise } from './reference-index';

/**
 * Reads the reference data a file is checked against (read-only; the catalog module owns it):
 * industries, regions, indicators, existing subject series, and — for enterprise files only — the
 * enterprises with their industries.
 */
@Injectable()
export class ReferenceLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(dataset: UploadDataset): Promise<ReferenceIndex> {
    const m = this.dataSource.manager;
    const [industries, regions, indicators, series] = await Promise.all([
      m.getRepository(IndustryNode).find({ select: { id: true, code: true, name: true, parentId: true, indicatorId: true } }),
      m.getRepository(Region).find({ select: { id: true, code: true, name: true, type: true, parentId: true } }),
      m.getRepository(Indicator).find({ select: { id: true, code: true, name: true, unit: true, kind: true } }),
      m.getRepository(Series).find({ select: { indicatorId: true, industryNodeId: true, regionId: true, granularity: true }, where: { enterpriseId: IsNull() } }),
    ]);
    let enterprises: RefEnterprise[] = [];
    if (dataset === 'enterprise-monthly' || dataset === 'enterprises') {
      const rows = await m.getRepository(Enterprise).find({ select: { id: true, creditCode: true, name: true, parkId: true, districtId: true } });
      const links: { enterprise_id: number | string; industry_node_id: number | string }[] = await m.query('SELECT enterprise_id, industry_node_id FROM enterprise_industry');
      const byEnterprise = new Map<number, number[]>();
      for (const l of links) {
        const list = byEnterprise.get(Number(l.enterprise_id)) ?? [];
        list.push(Number(l.industry_node_id));
        byEnterprise.set(Number(l.enterprise_id), list);
      }
      enterprises = rows.map((e) => ({ id: e.id, creditCode: e.creditCode, name: e.name, parkId: e.parkId, districtId: e.districtId, industryIds: byEnterprise.get(e.id) ?? [] }));
    }
    return new ReferenceIndex({
      industries: industries.map((i) => ({ id: i.id, code: i.code, name: i.name, parentId: i.parentId, indicatorId: i.indicatorId })),
      regions: regions.map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type, parentId: r.parentId })),
      indicators: indicators.map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit, kind: i.kind })),
      enterprises,
      series: series.map((s) => ({ indicatorId: s.indicatorId, industryId: s.industryNodeId, regionId: s.regionId, granularity: s.granularity })),
    });
  }
}
