import { describe, expect, it } from 'vitest';
import { closestMatches, describeMatches, editDistance } from './suggest';

const industries = [
  { code: 'sei.ngit', name: '新一代信息技术' },
  { code: 'sei.ngit.ic', name: '集成电路' },
  { code: 'sei.bio', name: '生物医药与健康' },
  { code: 'sei.marine', name: '海洋高新' },
  { code: 'gb.c.39', name: '计算机、通信和其他电子设备制造业' },
];

describe(editDistance.name, () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('sei.bio', 'sei.bio')).toBe(0);
    expect(editDistance('sei.bioo', 'sei.bio')).toBe(1);
    expect(editDistance('sei.nigt', 'sei.ngit')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('集成电路', '集成电')).toBe(1);
  });
});

describe(closestMatches.name, () => {
  it('finds a mistyped code', () => {
    expect(closestMatches('sei.bioo', industries).map((m) => m.code)).toEqual(['sei.bio']);
    expect(closestMatches('sei.ngi', industries)[0].code).toBe('sei.ngit');
  });

  it('finds a name typed where a code is expected, also a part of a name', () => {
    expect(closestMatches('集成电路', industries)[0].code).toBe('sei.ngit.ic');
    expect(closestMatches('海洋', industries)[0].code).toBe('sei.marine');
    expect(closestMatches('电子设备制造业', industries)[0].code).toBe('gb.c.39');
  });

  it('suggests nothing when nothing is close, and at most `limit`', () => {
    expect(closestMatches('zzz', industries)).toEqual([]);
    expect(closestMatches('sei.', industries, 2)).toHaveLength(2);
  });
});

describe(describeMatches.name, () => {
  it('lists code and name', () => {
    expect(describeMatches(industries.slice(0, 2))).toBe('sei.ngit（新一代信息技术）、sei.ngit.ic（集成电路）');
  });
});
