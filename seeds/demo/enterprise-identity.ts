import { creditCodeCheckChar } from '@im/domain';
import type { Rng } from './prng';

/** 行政区划代码 of Xiamen's districts (GB/T 2260); 350200 = the city. */
export const DIVISION_CODES: Record<string, string> = {
  'xm.siming': '350203',
  'xm.haicang': '350205',
  'xm.huli': '350206',
  'xm.jimei': '350211',
  'xm.tongan': '350212',
  'xm.xiangan': '350213',
};

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character of a 9-character 组织机构代码 (GB 11714) over its first 8 digits. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9]{8}$/.test(first8)) throw new RangeError('需要 8 位数字');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A formally valid, randomly drawn 统一社会信用代码 of a company (登记管理部门 9 工商, 机构类别 1 企业)
 * registered in the given district: 91 + 3502xx + 组织机构代码 (8 digits + GB 11714 check) + check
 * character. Fictional: it may by chance equal a real registration; it is demo data only.
 */
export function makeCreditCode(r: Rng, district: string): string {
  const division = DIVISION_CODES[district] ?? '350200';
  let body = '';
  for (let i = 0; i < 8; i++) body += String(r.int(0, 9));
  const first17 = `91${division}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

const TRADE_WORDS: Record<string, string> = {
  'sei.ngit.display': '光电显示科技',
  'sei.ngit.netdev': '网络设备',
  'sei.ngit.ic': '集成电路',
  'sei.ngit.iot': '物联科技',
  'sei.ngit.ai': '智能科技',
  'sei.ngit.bigdata': '数据科技',
  'sei.ngit.cloud': '云计算科技',
  'sei.ngit.blockchain': '区块链科技',
  'sei.bio.drug': '生物制药',
  'sei.bio.device': '医疗器械',
  'sei.bio.smart-health': '健康管理',
  'sei.bio.functional-food': '营养食品',
  'sei.bio.digital-health': '康复器材',
  'sei.nmne.special-metal': '合金材料',
  'sei.nmne.energy-material': '电池材料',
  'sei.nmne.polymer': '高分子材料',
  'sei.nmne.carbon': '碳材料科技',
  'sei.nmne.clean-energy': '氢能科技',
  'sei.dc.animation-game': '动漫游戏',
  'sei.dc.film': '影视传媒',
  'sei.dc.design': '创意设计',
  'sei.dc.digital-culture': '数字文化',
  'sei.marine.equipment': '海洋装备',
  'sei.marine.biotech': '海洋生物科技',
  'sei.marine.services': '海洋信息服务',
};
const FIRST = '鹭筼屿澜珩琛翎璟沐澄霁朗澈禾';
const SECOND = '辰汐岳川航途曜宸晞砚峤钧';

/** A clearly fictional company name: every name contains 示例 ("example"). */
export function makeEnterpriseName(r: Rng, subField: string, taken: Set<string>): string {
  const word = TRADE_WORDS[subField] ?? '科技';
  for (let attempt = 0; ; attempt++) {
    const brand = r.pick([...FIRST]) + r.pick([...SECOND]);
    const name = attempt < 50 ? `厦门示例${brand}${word}有限公司` : `厦门示例${brand}${word}${attempt}号有限公司`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
