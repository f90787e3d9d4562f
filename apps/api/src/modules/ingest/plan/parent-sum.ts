/**
 * A parent that is not the sum of its children, within one file: when a row of an industry and rows
 * of all its sub-industries (same region and period; each child in the parent's indicator or its own —
 * 产业规模 adds 产值 of manufacturing and 营收 of service sub-fields) are in the file, their sum should
 * equal it; when only some children are there, they should not add up to more. Published figures are
 * rounded, so a difference within {@link PARENT_SUM_TOLERANCE} of the parent is accepted. Warnings
 * only: bureau tables list 其中 items that do not cover the whole. Pure.
 */
import { SCALE } from '../records/scaled';
import type { RecordStore } from '../records/record-store';
import { issueWarning, UploadIssueCode, type Issue } from '../report/issues';

/** Relative difference tolerated between a parent and the sum of its children (rounding of published figures). */
export const PARENT_SUM_TOLERANCE = 0.005;

const fmt = (scaled: number) => (scaled / SCALE).toLocaleString('en-US', { maximumFractionDigits: 4 });

export interface ChildNode {
  id: number;
  /** The indicator the child is measured by. */
  indicatorId: number | null;
}

export function parentSumWarnings(store: RecordStore, childrenOf: (industryId: number) => ChildNode[]): Issue[] {
  const warnings: Issue[] = [];
  // (indicator, region, granularity, year, month, industry) → record index
  const at = new Map<string, number>();
  const keyOf = (indicatorId: number, regionId: number, granularity: string, i: number, industryId: number) =>
    `${indicatorId}|${regionId}|${granularity}|${store.year[i]}|${store.month[i]}|${industryId}`;
  for (let i = 0; i < store.length; i++) {
    if (store.dead[i]) continue;
    const e = store.series[store.sid[i]];
    if (e.subject.enterprise || !e.subject.industry || e.subject.indicator.kind !== 'flow' || e.subject.indicator.unit !== '万元') continue;
    at.set(keyOf(e.subject.indicator.id, e.subject.region.id, e.granularity, i, e.subject.industry.id), i);
  }
  for (const parent of at.values()) {
    const entry = store.series[store.sid[parent]];
    const children = childrenOf(entry.subject.industry!.id);
    if (!children.length) continue;
    const { indicator, region } = entry.subject;
    const childRecord = (child: ChildNode): number | undefined =>
      at.get(keyOf(indicator.id, region.id, entry.granularity, parent, child.id)) ??
      (child.indicatorId !== null && child.indicatorId !== indicator.id ? at.get(keyOf(child.indicatorId, region.id, entry.granularity, parent, child.id)) : undefined);
    for (const field of ['vYtd', 'vMonth'] as const) {
      const parentValue = store[field][parent];
      if (Number.isNaN(parentValue)) continue;
      let sum = 0;
      let present = 0;
      for (const child of children) {
        const c = childRecord(child);
        if (c === undefined || Number.isNaN(store[field][c])) continue;
        sum += store[field][c];
        present++;
      }
      if (present === 0) continue;
      const tolerance = Math.abs(parentValue) * PARENT_SUM_TOLERANCE;
      const what = field === 'vYtd' ? '累计值' : '本月值';
      if (present === children.length && Math.abs(sum - parentValue) > tolerance) {
        warnings.push(
          issueWarning(UploadIssueCode.ParentSum, `「${entry.subject.industry!.name}」${what} ${fmt(parentValue)} 不等于其 ${present} 个细分领域之和 ${fmt(sum)}（相差 ${fmt(sum - parentValue)}），请核实`, {
            row: store.row[parent],
          }),
        );
        break;
      }
      if (present < children.length && sum - parentValue > tolerance) {
        warnings.push(
          issueWarning(UploadIssueCode.ParentSum, `「${entry.subject.industry!.name}」${what} ${fmt(parentValue)} 小于文件中其 ${present} 个细分领域之和 ${fmt(sum)}，合计不应小于其中各项之和，请核实`, {
            row: store.row[parent],
          }),
        );
        break;
      }
    }
  }
  return warnings;
}
