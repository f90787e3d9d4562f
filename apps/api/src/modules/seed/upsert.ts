import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

export interface UpsertCount {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Idempotent upsert of reference rows by a natural key: inserts what is missing, updates what
 * differs, leaves equal rows alone (so a second run reports everything unchanged).
 */
export async function upsertByKey<E extends ObjectLiteral & { id: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: Partial<E>[],
  key: (row: Partial<E>) => string,
): Promise<{ count: UpsertCount; ids: Map<string, number> }> {
  const repo = manager.getRepository(entity);
  const existing = new Map((await repo.find()).map((e) => [key(e), e]));
  const count: UpsertCount = { inserted: 0, updated: 0, unchanged: 0 };
  const ids = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    const current = existing.get(k);
    if (!current) {
      const saved = await repo.save(repo.create(row as E));
      ids.set(k, saved.id);
      count.inserted++;
      continue;
    }
    ids.set(k, current.id);
    const changed = Object.keys(row).filter((f) => !sameValue((current as ObjectLiteral)[f], (row as ObjectLiteral)[f]));
    if (changed.length === 0) {
      count.unchanged++;
      continue;
    }
    await repo.update(current.id, Object.fromEntries(changed.map((f) => [f, (row as ObjectLiteral)[f]])) as never);
    count.updated++;
  }
  return { count, ids };
}

function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Boolean(a) === Boolean(b);
  return String(a) === String(b);
}
