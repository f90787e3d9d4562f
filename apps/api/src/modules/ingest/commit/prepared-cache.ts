import { Injectable } from '@nestjs/common';
import type { PreparedFile } from '../pipeline/run-pipeline';

interface Entry {
  batchId: number;
  sha256: string;
  prepared: PreparedFile;
  at: number;
}

/**
 * The dry run's phase-one result (validated records, packed), kept in this process for a while so
 * that committing the batch right after its report does not read and validate the file again. Only
 * an optimisation: a commit that finds nothing here (another instance, a restart, too old, evicted)
 * reads the stored raw file again, with the same result. Bounded by rows and age.
 */
@Injectable()
export class PreparedCache {
  static readonly MAX_ROWS = 2_500_000;
  static readonly MAX_AGE_MS = 15 * 60 * 1000;
  private readonly entries: Entry[] = [];

  put(batchId: number, sha256: string, prepared: PreparedFile): void {
    this.prune();
    if (prepared.fatal || prepared.store.length > PreparedCache.MAX_ROWS) return;
    this.entries.push({ batchId, sha256, prepared, at: Date.now() });
    let rows = this.entries.reduce((n, e) => n + e.prepared.store.length, 0);
    while (rows > PreparedCache.MAX_ROWS && this.entries.length > 1) rows -= this.entries.shift()!.prepared.store.length;
  }

  /** The prepared file of the batch (removed from the cache), or null. */
  take(batchId: number, sha256: string): PreparedFile | null {
    this.prune();
    const i = this.entries.findIndex((e) => e.batchId === batchId && e.sha256 === sha256);
    if (i < 0) return null;
    return this.entries.splice(i, 1)[0].prepared;
  }

  private prune(): void {
    const now = Date.now();
    for (let i = this.entries.length - 1; i >= 0; i--) if (now - this.entries[i].at > PreparedCache.MAX_AGE_MS) this.entries.splice(i, 1);
  }
}
