/**
 * Sums across industries are only meaningful over industries that do not overlap. The five strategic
 * emerging industries of 5+X partition their sub-fields; the X future tracks (未来赛道) overlap them
 * (第三代半导体 ⊂ 集成电路 …) and are never added in (seeds/README.md). A comparison of parks or
 * districts "over all industries" therefore sums an explicit scope, named here once.
 */
export interface IndustryScopeDefinition {
  code: string;
  name: string;
  nameEn: string;
  frameworkCode: string;
  industryCodes: readonly string[];
}

export const INDUSTRY_SCOPES: readonly IndustryScopeDefinition[] = Object.freeze([
  {
    code: 'sei5',
    name: '五大战略性新兴产业',
    nameEn: 'Five strategic emerging industries',
    frameworkCode: 'xm-sei-5x',
    industryCodes: ['sei.ngit', 'sei.bio', 'sei.nmne', 'sei.dc', 'sei.marine'],
  },
]);

export const DEFAULT_INDUSTRY_SCOPE = 'sei5';

export function industryScope(code: string = DEFAULT_INDUSTRY_SCOPE): IndustryScopeDefinition | undefined {
  return INDUSTRY_SCOPES.find((s) => s.code === code);
}
