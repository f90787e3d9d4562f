/**
 * Commit locks of (dataset, period): one `upload_lock` row per period a commit or rollback writes,
 * inserted inside its transaction (in period order, so two transactions never wait on each other in
 * a cycle) and deleted before it commits. A second transaction inserting the same key waits for the
 * first to finish (MySQL row lock on the primary key; SQLite has a single writer), so two commits of
 * the same period cannot interleave — across API instances too.
 */
import type { EntityManager } from 'typeorm';

const isMysql = (m: EntityManager) => m.connection.options.type === 'mysql' || m.connection.options.type === 'mariadb';

/**
 * A deadlock while taking the period locks. With three or more transactions waiting for the same lock
 * row, InnoDB picks a victim when the holder deletes it and commits (the waiters' shared duplicate-key
 * locks each block the other's insert). Nothing but the locks had been done, so the whole transaction
 * can simply run again — see `retryLockDeadlocks`.
 */
export class PeriodLockDeadlock extends Error {
  constructor(override readonly cause: unknown) {
    super('deadlock while taking the period locks');
  }
}

export async function acquirePeriodLocks(m: EntityManager, dataset: string, periods: readonly number[], batchId: number): Promise<void> {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 500) {
    const part = sorted.slice(i, i + 500);
    const params: unknown[] = [];
    for (const p of part) params.push(dataset, Math.floor(p / 100), p % 100, batchId);
    try {
      await m.query(`INSERT INTO upload_lock (dataset, period_year, period_month, batch_id) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}`, params);
    } catch (error) {
      throw isDeadlock(error) ? new PeriodLockDeadlock(error) : error;
    }
  }
}

/** Runs a transaction again (up to `attempts` times in all) when it lost a deadlock while taking its period locks. */
export async function retryLockDeadlocks<T>(work: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof PeriodLockDeadlock) || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.floor(Math.random() * 40 * attempt)));
    }
  }
}

export async function releasePeriodLocks(m: EntityManager, batchId: number): Promise<void> {
  await m.query('DELETE FROM upload_lock WHERE batch_id = ?', [batchId]);
}

/**
 * Runs `work` with the transaction's lock wait limited to `seconds` (MySQL; SQLite waits up to its
 * busy timeout), and puts the connection's setting back afterwards.
 */
export async function withLockWait<T>(m: EntityManager, seconds: number, work: () => Promise<T>): Promise<T> {
  if (!isMysql(m)) return work();
  const [{ t }] = (await m.query('SELECT @@SESSION.innodb_lock_wait_timeout AS t')) as { t: number | string }[];
  await m.query(`SET SESSION innodb_lock_wait_timeout = ${Math.max(1, Math.floor(seconds))}`);
  try {
    return await work();
  } finally {
    await m.query(`SET SESSION innodb_lock_wait_timeout = ${Number(t) || 50}`);
  }
}

/** A lock wait timeout or deadlock (MySQL) or a busy database (SQLite): another writer is in the way. */
export function isLockConflict(error: unknown): boolean {
  if (error instanceof PeriodLockDeadlock) return true;
  const e = error as { errno?: number; code?: string; driverError?: { errno?: number; code?: string } };
  const errno = e?.errno ?? e?.driverError?.errno;
  const code = e?.code ?? e?.driverError?.code;
  return errno === 1205 || errno === 1213 || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'ER_LOCK_DEADLOCK' || code === 'SQLITE_BUSY';
}

/** In-process queue: the embedded database has one connection, so its writing transactions take turns. */
export class TurnQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

function isDeadlock(error: unknown): boolean {
  const e = error as { errno?: number; code?: string; driverError?: { errno?: number; code?: string } };
  return (e?.errno ?? e?.driverError?.errno) === 1213 || (e?.code ?? e?.driverError?.code) === 'ER_LOCK_DEADLOCK';
}
