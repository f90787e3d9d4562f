/**
 * A small LRU of dashboard answers keyed by request and data version. Dashboard figures change only
 * when a batch is committed or rolled back (or reference data is edited): between those, identical
 * requests get the same answer, and concurrent identical requests share one computation.
 */
export interface DashboardCacheOptions {
  maxEntries: number;
  ttlMs: number;
}

interface Entry {
  version: string;
  expires: number;
  value: Promise<unknown>;
}

export class DashboardCache {
  private readonly entries = new Map<string, Entry>();
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: DashboardCacheOptions) {}

  get<T>(key: string, version: string, compute: () => Promise<T>, now = Date.now(), ttlMs = this.options.ttlMs): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.version === version && entry.expires > now) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits++;
      return entry.value as Promise<T>;
    }
    this.misses++;
    const value = compute();
    const fresh: Entry = { version, expires: now + ttlMs, value };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  stats(): { entries: number; hits: number; misses: number } {
    return { entries: this.entries.size, hits: this.hits, misses: this.misses };
  }
}
