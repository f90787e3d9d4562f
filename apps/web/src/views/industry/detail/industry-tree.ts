import type { IndustryNodeDto } from '@im/contracts';
import type { AppLocale } from '../../../i18n';

/** Depth-first search of a node by code. */
export function findNode(roots: readonly IndustryNodeDto[], code: string): IndustryNodeDto | undefined {
  for (const node of roots) {
    if (node.code === code) return node;
    const found = findNode(node.children, code);
    if (found) return found;
  }
  return undefined;
}

/**
 * The node a framework opens on: the first node, depth first, that is measured by an indicator
 * (group nodes such as 四大支柱产业集群 have none and no series of their own); else the first root.
 */
export function firstMeasuredNode(roots: readonly IndustryNodeDto[]): IndustryNodeDto | undefined {
  const walk = (nodes: readonly IndustryNodeDto[]): IndustryNodeDto | undefined => {
    for (const node of nodes) {
      if (node.indicatorCode) return node;
      const below = walk(node.children);
      if (below) return below;
    }
    return undefined;
  };
  return walk(roots) ?? roots[0];
}

/** Codes of the ancestors of `code`, root first; empty when not found or a root. */
export function ancestorCodes(roots: readonly IndustryNodeDto[], code: string): string[] {
  for (const node of roots) {
    if (node.code === code) return [];
    const below = ancestorCodes(node.children, code);
    if (below.length > 0 || node.children.some((c) => c.code === code)) return [node.code, ...below];
  }
  return [];
}

/** Display name: English name in English when there is one, else the Chinese name. */
export function nodeName(node: Pick<IndustryNodeDto, 'name' | 'nameEn'>, locale: AppLocale): string {
  return locale === 'en' && node.nameEn ? node.nameEn : node.name;
}

/** Tree filter: case-insensitive match on Chinese name, English name or code. */
export function matchesFilter(node: Pick<IndustryNodeDto, 'code' | 'name' | 'nameEn'>, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return [node.name, node.nameEn ?? '', node.code].some((s) => s.toLowerCase().includes(q));
}
