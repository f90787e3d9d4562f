/**
 * Closure rows of the reference trees for the rollups: every node paired with itself (depth 0) and
 * each of its ancestors. Pure functions; the rollup service stores their output.
 */

export interface ClosureRow {
  descendantId: number;
  ancestorId: number;
  depth: number;
}

export interface TreeNodeRow {
  id: number;
  parentId: number | null;
}

export interface RegionRow extends TreeNodeRow {
  /** Development zone a park also belongs to. */
  zoneId: number | null;
}

function ancestorsOf(
  id: number,
  parentsOf: (id: number) => number[],
): Map<number, number> {
  // Breadth-first over "parents" (a region has its parent and possibly a zone): the shortest depth wins,
  // and a cycle in bad reference data cannot loop forever.
  const depth = new Map<number, number>([[id, 0]]);
  let frontier = [id];
  for (let d = 1; frontier.length; d++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const parent of parentsOf(node)) {
        if (depth.has(parent)) continue;
        depth.set(parent, d);
        next.push(parent);
      }
    }
    frontier = next;
  }
  return depth;
}

function closure<T extends TreeNodeRow>(rows: readonly T[], parentsOf: (row: T) => (number | null)[]): ClosureRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const parents = (id: number): number[] => {
    const row = byId.get(id);
    return row ? parentsOf(row).filter((p): p is number => p !== null && byId.has(p)) : [];
  };
  const out: ClosureRow[] = [];
  for (const row of rows) {
    for (const [ancestorId, depth] of ancestorsOf(row.id, parents)) out.push({ descendantId: row.id, ancestorId, depth });
  }
  return out.sort((a, b) => a.descendantId - b.descendantId || a.depth - b.depth || a.ancestorId - b.ancestorId);
}

/** Industry node → itself and its ancestors within its framework. */
export function industryClosure(nodes: readonly TreeNodeRow[]): ClosureRow[] {
  return closure(nodes, (n) => [n.parentId]);
}

/** Region → itself, its parent chain up to the city, and its development zone with the zone's chain. */
export function regionClosure(regions: readonly RegionRow[]): ClosureRow[] {
  return closure(regions, (r) => [r.parentId, r.zoneId]);
}

/** True when two closure lists hold the same rows (in any order). */
export function sameClosure(a: readonly ClosureRow[], b: readonly ClosureRow[]): boolean {
  if (a.length !== b.length) return false;
  const key = (r: ClosureRow) => `${r.descendantId}>${r.ancestorId}:${r.depth}`;
  const set = new Set(a.map(key));
  return b.every((r) => set.has(key(r)));
}
