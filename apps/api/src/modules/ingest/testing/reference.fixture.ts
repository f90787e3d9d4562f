/** A small catalog for the pipeline's unit tests (ids are arbitrary but stable). */
import { creditCodeCheckChar } from '@im/domain';
import { ReferenceIndex, type ReferenceData } from '../reference/reference-index';

export function validCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

export const ENTERPRISE_A = validCreditCode('91350200MA2XYW001');
export const ENTERPRISE_B = validCreditCode('91350206MA2XYW002');

export const TEST_REFERENCE: ReferenceData = {
  indicators: [
    { id: 1, code: 'output', name: '产值', unit: '万元', kind: 'flow' },
    { id: 2, code: 'revenue', name: '营业收入', unit: '万元', kind: 'flow' },
    { id: 3, code: 'value_added', name: '增加值', unit: '万元', kind: 'flow' },
    { id: 4, code: 'gdp', name: '地区生产总值', unit: '万元', kind: 'flow' },
    { id: 5, code: 'industrial_va', name: '规模以上工业增加值', unit: '万元', kind: 'flow' },
    { id: 6, code: 'enterprise_count', name: '企业数', unit: '家', kind: 'stock' },
  ],
  industries: [
    { id: 10, code: 'sei.ngit', name: '新一代信息技术', parentId: null, indicatorId: 1 },
    { id: 11, code: 'sei.ngit.ic', name: '集成电路', parentId: 10, indicatorId: 1 },
    { id: 12, code: 'sei.ngit.display', name: '新型显示', parentId: 10, indicatorId: 1 },
    { id: 13, code: 'sei.ngit.ai', name: '人工智能', parentId: 10, indicatorId: 2 },
    { id: 20, code: 'gb.agg.above-scale', name: '规模以上工业', parentId: null, indicatorId: 3 },
    { id: 21, code: 'gb.agg.hitech-mfg', name: '高技术制造业', parentId: null, indicatorId: 3 },
    { id: 22, code: 'gb.c.39', name: '计算机、通信和其他电子设备制造业', parentId: null, indicatorId: 1 },
    { id: 30, code: 'xm446.pillar', name: '四大支柱产业集群', parentId: null, indicatorId: null },
    { id: 31, code: 'xm446.future.semi3', name: '第三代半导体', parentId: 30, indicatorId: 1 },
    { id: 32, code: 'sei.x.semi3', name: '第三代半导体', parentId: null, indicatorId: 1 },
  ],
  regions: [
    { id: 100, code: 'xm', name: '厦门市', type: 'city', parentId: null },
    { id: 101, code: 'xm.siming', name: '思明区', type: 'district', parentId: 100 },
    { id: 102, code: 'xm.huli', name: '湖里区', type: 'district', parentId: 100 },
    { id: 110, code: 'xm.park.software', name: '软件园', type: 'park', parentId: 101 },
    { id: 111, code: 'xm.park.torch-xiangan', name: '火炬(翔安)产业区', type: 'park', parentId: 102 },
  ],
  enterprises: [
    { id: 1000, creditCode: ENTERPRISE_A, name: '厦门示例芯片有限公司', parkId: 110, districtId: 101, industryIds: [11] },
    { id: 1001, creditCode: ENTERPRISE_B, name: '厦门示例显示科技有限公司', parkId: null, districtId: 102, industryIds: [12] },
  ],
  series: [{ indicatorId: 4, industryId: null, regionId: 100, granularity: 'quarter' }],
};

export const testIndex = () => new ReferenceIndex(TEST_REFERENCE);
