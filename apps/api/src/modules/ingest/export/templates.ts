/**
 * Downloadable CSV templates, one per dataset: the header the pipeline reads best, an example row and
 * a note row (recognised and skipped on upload). UTF-8 with BOM so Excel opens them correctly.
 */
import type { UploadDataset, UploadTemplateDto } from '@im/contracts';
import { BOM, csvRow } from './csv-escape';

interface Template {
  dataset: UploadDataset;
  name: string;
  description: string;
  header: string[];
  examples: string[][];
  note: string;
}

const COMMON_NOTE =
  '注：期间可写 2025-05、2025年5月、2025年1-5月（1-2月合并发布写「2025年1-2月」）；缺数填「—」或留空（不是 0）；金额单位写在「计量单位」列（万元、亿元、千元、元）；同比增长填百分数，如 5.2 或 -3.1。本行及以下说明上传时自动跳过。';

const TEMPLATES: Template[] = [
  {
    dataset: 'industry-monthly',
    name: '产业月度数据',
    description: '各产业（及细分领域）全市或分区的本月、1-本月累计及同比增长。产业可填代码或名称；指标留空时用产业默认指标（产值或营业收入）。',
    header: ['期间', '产业代码', '产业名称', '区域', '指标', '计量单位', '本月', '本月同比增长(%)', '1-本月累计', '累计同比增长(%)'],
    examples: [
      ['2025-05', 'sei.ngit.ic', '集成电路', '厦门市', '产值', '万元', '125000.5', '8.2', '598000', '7.5'],
      ['2025-05', 'sei.dc', '数字创意', '厦门市', '营业收入', '亿元', '15.32', '—', '70.15', '3.1'],
    ],
    note: COMMON_NOTE,
  },
  {
    dataset: 'region-monthly',
    name: '区域/园区月度数据',
    description: '各区、开发区、园区的产业月度数据。区域可填代码或名称；产业可留空（区域合计）。',
    header: ['期间', '区域代码', '区域名称', '产业代码', '产业名称', '指标', '计量单位', '本月', '本月同比增长(%)', '1-本月累计', '累计同比增长(%)'],
    examples: [['2025-05', 'xm.park.software', '软件园', 'sei.ngit', '新一代信息技术', '产值', '万元', '86000', '6.4', '402000', '5.9']],
    note: COMMON_NOTE,
  },
  {
    dataset: 'enterprise-monthly',
    name: '重点企业月度数据',
    description: '重点企业按统一社会信用代码填报（18 位，系统校验校验位）；企业须已在企业名录中。',
    header: ['期间', '统一社会信用代码', '企业名称', '指标', '计量单位', '本月', '本月同比增长(%)', '1-本月累计', '累计同比增长(%)'],
    examples: [['2025-05', '91350200MA2XYW001N', '厦门示例科技有限公司', '产值', '万元', '3200', '12.5', '15100', '10.8']],
    note: COMMON_NOTE,
  },
  {
    dataset: 'macro',
    name: '宏观指标',
    description: '地区生产总值（按季累计）、规模以上工业增加值（月度，常只有增速）、研发经费等；频度：月、季、年。',
    header: ['期间', '指标', '产业名称', '区域', '频度', '计量单位', '本期', '同比增长(%)', '累计', '累计同比增长(%)'],
    examples: [
      ['2025年一季度', '地区生产总值', '', '厦门市', '季', '亿元', '1850.6', '5.3', '1850.6', '5.3'],
      ['2025-05', '规模以上工业增加值', '', '厦门市', '月', '亿元', '—', '6.1', '—', '5.8'],
      ['2025-05', '增加值', '高技术制造业', '厦门市', '月', '亿元', '62.3', '9.4', '301.2', '8.7'],
    ],
    note: COMMON_NOTE,
  },
  {
    dataset: 'parks',
    name: '园区名录',
    description: '登记新园区或修改已登记园区的名称、所属区、所属开发区、占地面积和主导产业。园区代码是唯一标识；空白的单元格表示不修改。',
    header: ['园区代码', '园区名称', '所属区', '所属开发区', '占地面积(亩)', '主导产业', '备注'],
    examples: [['xm.park.example', '示例智能制造产业园', '湖里区', '火炬高新区', '1200', '集成电路、人工智能', '']],
    note: '注：园区代码由字母、数字和 . _ - 组成（如 xm.park.software），已登记的园区也可只填园区名称；所属区填行政区名称；主导产业填产业名称，多个用顿号「、」分隔；占地面积按亩填写；空白的单元格表示不修改已登记的内容。本行及以下说明上传时自动跳过。',
  },
  {
    dataset: 'enterprises',
    name: '企业名录',
    description: '登记重点企业或修改其名称、所属园区/区、所属产业和企业类型（规上、国家高新技术企业、专精特新"小巨人"、单项冠军、链主）。按统一社会信用代码识别，系统校验校验位。',
    header: ['统一社会信用代码', '企业名称', '所属园区', '所属区', '所属产业', '规上', '国家高新技术企业', '专精特新小巨人', '单项冠军', '链主'],
    examples: [['91350200MA2XYW001N', '厦门示例科技有限公司', '软件园', '思明区', '人工智能', '是', '是', '否', '否', '否']],
    note: '注：统一社会信用代码 18 位（系统校验第 18 位校验位）；所属园区、所属区填系统中的名称（填了园区时所属区可不填）；所属产业多个用顿号「、」分隔；企业类型列填「是」或「否」；空白的单元格表示不修改已登记的内容。本行及以下说明上传时自动跳过。',
  },
];

export function templateList(): UploadTemplateDto[] {
  return [
    ...TEMPLATES.map((t) => ({ dataset: t.dataset, name: t.name, description: t.description, path: `/uploads/templates/${t.dataset}.csv` })),
    { dataset: 'targets' as const, name: '规划目标', description: '规划目标与年度目标在「目标」页面按规划导入和导出。', path: '/plans/xm-sei-14/targets.csv' },
  ];
}

/** The template's CSV text, or null for an unknown dataset. */
export function templateCsv(dataset: string): { fileName: string; content: string } | null {
  const t = TEMPLATES.find((x) => x.dataset === dataset);
  if (!t) return null;
  const rows = [csvRow(t.header), ...t.examples.map((e) => csvRow(e)), csvRow([t.note])];
  return { fileName: `${t.name}模板.csv`, content: BOM + rows.join('') };
}
