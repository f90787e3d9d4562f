import { defineStore } from 'pinia';
import { shallowReactive, shallowRef } from 'vue';
import type { FrameworkDto, IndicatorDto, IndustryTreeDto, RegionNodeDto } from '@im/contracts';
import { getFrameworks, getIndicators, getIndustryTree, getRegions } from '../api/catalog';

/**
 * Reference data cache: frameworks, industry trees and indicators change rarely, so each is fetched
 * once per page load; concurrent callers share one request.
 */
export const useCatalogStore = defineStore('catalog', () => {
  const frameworks = shallowRef<FrameworkDto[] | null>(null);
  const indicators = shallowRef<IndicatorDto[] | null>(null);
  const regions = shallowRef<RegionNodeDto[] | null>(null);
  const trees = shallowReactive(new Map<string, IndustryTreeDto>());
  const inflight = new Map<string, Promise<unknown>>();

  function once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = inflight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const promise = load().finally(() => inflight.delete(key));
    inflight.set(key, promise);
    return promise;
  }

  async function loadFrameworks(): Promise<FrameworkDto[]> {
    if (frameworks.value) return frameworks.value;
    return once('frameworks', async () => (frameworks.value = await getFrameworks()));
  }

  async function loadIndicators(): Promise<IndicatorDto[]> {
    if (indicators.value) return indicators.value;
    return once('indicators', async () => (indicators.value = await getIndicators()));
  }

  async function loadRegions(): Promise<RegionNodeDto[]> {
    if (regions.value) return regions.value;
    return once('regions', async () => (regions.value = await getRegions()));
  }

  async function loadTree(framework: string): Promise<IndustryTreeDto> {
    const cached = trees.get(framework);
    if (cached) return cached;
    return once(`tree:${framework}`, async () => {
      const tree = await getIndustryTree(framework);
      trees.set(framework, tree);
      return tree;
    });
  }

  function indicatorByCode(code: string | null | undefined): IndicatorDto | undefined {
    return code ? indicators.value?.find((i) => i.code === code) : undefined;
  }

  function regionByCode(code: string | null | undefined): RegionNodeDto | undefined {
    const walk = (nodes: RegionNodeDto[]): RegionNodeDto | undefined => {
      for (const node of nodes) {
        if (node.code === code) return node;
        const found = walk(node.children);
        if (found) return found;
      }
      return undefined;
    };
    return code && regions.value ? walk(regions.value) : undefined;
  }

  return { frameworks, indicators, regions, trees, loadFrameworks, loadIndicators, loadRegions, loadTree, indicatorByCode, regionByCode };
});
