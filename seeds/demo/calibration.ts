/**
 * Demo calibration. Only the 2020 industry totals (and the 2020 count of national high-tech
 * enterprises) come from 004 第一章; every other number here is a DEMO ASSUMPTION chosen to look
 * plausible for Xiamen, not an official figure. See seeds/README.md.
 */

export const DEFAULT_SEED = 20211;
export const FIRST_YEAR = 2020;
/** Compounding growth over more years than this would leave safe-integer range in the maths. */
export const LAST_YEAR = 2050;

/** 1 亿元 = 10 000 万元. */
const YI = 10_000;

export interface IndustryCalibration {
  /** 2020 annual total in 万元: the 004 baseline, exactly. */
  base2020: number;
  /** Mean nominal annual growth (demo). */
  growth: number;
  /** Sub-field (code suffix) → [2020 share weight, yearly relative drift of that share]. */
  subFields: Record<string, [number, number]>;
  /** District code → [2020 share weight, yearly relative drift]. */
  districts: Record<string, [number, number]>;
}

/**
 * The 5 industries of `xm-sei-5x`. 2020 totals = 004 第一章: 电子信息 4688亿元 (used for 新一代信息技术:
 * the baseline's scope is wider), 生物医药与健康 776亿元, 新材料 879亿元 (used for 新材料与新能源: narrower),
 * 文化创意 营收 1450亿元 (used for 数字创意), 海洋高新 1380亿元.
 * Growth rates are chosen so that 新一代信息技术 and 数字创意 fall behind their 2025 targets while
 * 生物医药与健康, 新材料与新能源 and 海洋高新 end up ahead (海洋高新 narrowly).
 */
export const INDUSTRIES: Record<string, IndustryCalibration> = {
  'sei.ngit': {
    base2020: 4688 * YI,
    growth: 0.07,
    subFields: {
      display: [30, -0.01], netdev: [30, 0], ic: [7, 0.06], iot: [8, 0.03],
      ai: [6, 0.08], bigdata: [8, 0.04], cloud: [7, 0.05], blockchain: [4, 0.03],
    },
    districts: {
      'xm.siming': [12, -0.02], 'xm.huli': [30, -0.01], 'xm.jimei': [10, 0], 'xm.haicang': [12, 0.01],
      'xm.tongan': [8, 0.03], 'xm.xiangan': [28, 0.02],
    },
  },
  'sei.bio': {
    base2020: 776 * YI,
    growth: 0.155,
    subFields: { drug: [30, 0.02], device: [38, 0], 'smart-health': [10, 0.06], 'functional-food': [14, -0.02], 'digital-health': [8, 0.03] },
    districts: {
      'xm.siming': [8, -0.01], 'xm.huli': [12, 0], 'xm.jimei': [10, 0], 'xm.haicang': [45, 0.01],
      'xm.tongan': [12, 0.02], 'xm.xiangan': [13, 0.02],
    },
  },
  'sei.nmne': {
    base2020: 879 * YI,
    growth: 0.115,
    subFields: { 'special-metal': [40, -0.02], 'energy-material': [22, 0.08], polymer: [20, -0.01], carbon: [6, 0.04], 'clean-energy': [12, 0.05] },
    districts: {
      'xm.siming': [5, -0.02], 'xm.huli': [15, -0.01], 'xm.jimei': [20, 0], 'xm.haicang': [20, 0],
      'xm.tongan': [20, 0.04], 'xm.xiangan': [20, 0.02],
    },
  },
  'sei.dc': {
    base2020: 1450 * YI,
    growth: 0.035,
    subFields: { 'animation-game': [35, 0.02], film: [15, 0.04], design: [25, -0.01], 'digital-culture': [25, 0.02] },
    districts: {
      'xm.siming': [45, 0], 'xm.huli': [25, 0], 'xm.jimei': [15, 0.02], 'xm.haicang': [5, 0],
      'xm.tongan': [4, 0], 'xm.xiangan': [6, 0.01],
    },
  },
  'sei.marine': {
    base2020: 1380 * YI,
    growth: 0.08,
    subFields: { equipment: [40, 0], biotech: [25, 0.03], services: [35, 0.01] },
    districts: {
      'xm.siming': [18, -0.01], 'xm.huli': [22, 0], 'xm.jimei': [12, 0], 'xm.haicang': [25, 0.01],
      'xm.tongan': [8, 0], 'xm.xiangan': [15, 0.05],
    },
  },
};

/** Code of the X group (future tracks): city-level series only, tracks summed into the group. */
export const X_GROUP = 'sei.x';

/** X tracks (code suffix) → [2020 annual 万元, mean growth]. Demo. */
export const X_TRACKS: Record<string, [number, number]> = {
  'flexible-electronics': [120 * YI, 0.18],
  semi3: [80 * YI, 0.22],
  aerospace: [260 * YI, 0.09],
  'intelligent-mfg': [300 * YI, 0.12],
  'precision-med': [40 * YI, 0.2],
  'low-carbon': [350 * YI, 0.1],
};

/** Half-width of the uniform noise added to each year's growth rate (±1.5 percentage points). */
export const GROWTH_NOISE = 0.015;

/** Seasonal month weights (sum 100): weak February (Spring Festival), strong December. */
export const SEASON_OUTPUT = [8.2, 5.6, 8.2, 8.0, 8.3, 8.9, 8.1, 8.2, 8.8, 8.1, 8.7, 10.9];
/** Services (营收) are less seasonal. */
export const SEASON_REVENUE = [8.3, 6.8, 8.2, 8.1, 8.2, 8.6, 8.3, 8.3, 8.5, 8.2, 8.4, 10.1];
/** Relative noise on each month's weight. */
export const SEASON_NOISE = 0.04;
/** Quarter weights (sum 100) for GDP-like quarterly series. */
export const SEASON_QUARTER = [22.5, 24.3, 25.0, 28.2];

/**
 * A cell (sub-field × district) weighs this much more where a park of the district carries the
 * sub-field: `named` when park-industries.csv names the sub-field itself, `industry` when the park
 * carries the whole industry.
 */
export const PARK_AFFINITY = { named: 5, industry: 2 };
/**
 * Relative size of a park (demo, default 1; the documents give no areas or outputs): big multi-phase
 * parks weigh more than a cultural street. A park's slice of a sub-field×district cell is
 * scale × drift against an "outside the parks" weight, so small parks cover little of their district.
 */
export const PARK_SCALE: Record<string, number> = {
  'xm.park.software': 3,
  'xm.park.torch-park': 3,
  'xm.park.torch-xiangan': 3,
  'xm.park.biomed-port': 3,
  'xm.park.haicang-south': 2,
  'xm.park.xiangan-industrial': 2,
  'xm.park.tongxiang-hitech': 2,
  'xm.park.marine-hitech': 1.5,
  'xm.park.science-city': 1.2,
  'xm.park.huli-east': 0.7,
  'xm.park.tongxiang-dongliao': 0.6,
  'xm.park.light-food': 0.8,
  'xm.park.xiangan-digital': 0.5,
  'xm.park.wuyuan-bay-health': 0.5,
  'xm.park.longshan': 0.5,
  'xm.park.film-base': 0.5,
  'xm.park.huangcuo-film': 0.3,
  'xm.park.shapowei': 0.2,
  /** `park|industry` overrides the park's scale for one industry. */
  'xm.park.biomed-port|sei.marine': 0.6,
};
/** Weight of the part of a cell outside the parks, against PARK_SCALE: uniform in this range. */
export const OUTSIDE_PARKS_WEIGHT: [number, number] = [1.5, 2.5];
/** Share of a park×sub-field value produced by its key enterprises: uniform in this range. */
export const KEY_ENTERPRISE_SHARE: [number, number] = [0.35, 0.65];
export const ENTERPRISE_COUNT = 300;
/** 规模以上 threshold used for the demo flag: 2020 annual 主营业务收入/营收 ≥ 2000 万元. */
export const ABOVE_SCALE_THRESHOLD = 2000;

/** Macro series (demo): [2020 annual 万元, mean nominal growth, growth noise half-width]. */
export const MACRO = {
  /** 地区生产总值: ~6400亿元 in 2020 (demo order of magnitude). */
  gdp: [6400 * YI, 0.075, 0.01] as const,
  /** 战略性新兴产业增加值: ~23% of GDP in 2020, +10%/yr → ~2350亿 in 2025 (behind >2500) but ~26% of GDP (ahead of 25%). */
  seiValueAdded: [1480 * YI, 0.1, 0.01] as const,
  /** 规上工业增加值: ~2150亿 in 2020, +7%/yr. */
  industrialVa: [2150 * YI, 0.07, 0.01] as const,
  /** 高技术制造业增加值: 40% of 规上工业 in 2020, +9%/yr → ~44% in 2025 (behind 45%). */
  hitechValueAdded: [860 * YI, 0.09, 0.01] as const,
  /** 研发经费内部支出: 3.0% of GDP in 2020, +10%/yr → ~3.35% in 2025 (behind 3.5%). */
  rdExpenditure: [192 * YI, 0.1, 0.01] as const,
};

/** Year-end counts (demo except hnte 2020 = 2282, 004 第一章): [2020 level, min yearly step, max yearly step]. */
export const COUNTS = {
  /** 国家高新技术企业: 2282 (004) then +8..+11 %/yr → ~3600 in 2025 (ahead of 3500). Steps are per mille. */
  hnte: [2282, 80, 110] as const,
  /** 国家级创新平台: demo 46 then +5..+7 → ~76 in 2025 (behind >80). */
  nationalPlatforms: [46, 5, 7] as const,
  /** 省级新型研发机构: demo 22 then +7..+9 → ~62 in 2025 (ahead of 60). */
  provincialNri: [22, 7, 9] as const,
  /** 每万人口高价值发明专利拥有量 in hundredths: demo 10.50 then +1.90..+2.30 → ~21.5 in 2025 (ahead of >20). */
  hvPatentsHundredths: [1050, 190, 230] as const,
};
