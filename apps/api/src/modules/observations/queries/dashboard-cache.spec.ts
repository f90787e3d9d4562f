import { describe, expect, it, vi } from 'vitest';
import { DashboardCache } from './dashboard-cache';

describe(DashboardCache.name, () => {
  describe('get', () => {
    it('computes once per key and version, and again when the version changes', async () => {
      const cache = new DashboardCache({ maxEntries: 10, ttlMs: 1000 });
      const compute = vi.fn(async () => 42);
      expect(await cache.get('a', 'v1', compute, 0)).toBe(42);
      expect(await cache.get('a', 'v1', compute, 10)).toBe(42);
      expect(compute).toHaveBeenCalledTimes(1);
      await cache.get('a', 'v2', compute, 20);
      expect(compute).toHaveBeenCalledTimes(2);
      expect(cache.stats()).toEqual({ entries: 1, hits: 1, misses: 2 });
    });

    it('shares one computation between concurrent callers', async () => {
      const cache = new DashboardCache({ maxEntries: 10, ttlMs: 1000 });
      let resolve!: (v: string) => void;
      const compute = vi.fn(() => new Promise<string>((r) => (resolve = r)));
      const a = cache.get('k', 'v', compute, 0);
      const b = cache.get('k', 'v', compute, 0);
      resolve('x');
      expect(await Promise.all([a, b])).toEqual(['x', 'x']);
      expect(compute).toHaveBeenCalledTimes(1);
    });

    it('expires entries after the TTL', async () => {
      const cache = new DashboardCache({ maxEntries: 10, ttlMs: 100 });
      const compute = vi.fn(async () => 1);
      await cache.get('k', 'v', compute, 0);
      await cache.get('k', 'v', compute, 150);
      expect(compute).toHaveBeenCalledTimes(2);
    });

    it('forgets a failed computation', async () => {
      const cache = new DashboardCache({ maxEntries: 10, ttlMs: 1000 });
      await expect(cache.get('k', 'v', async () => Promise.reject(new Error('db down')), 0)).rejects.toThrow('db down');
      await Promise.resolve();
      expect(await cache.get('k', 'v', async () => 'ok', 1)).toBe('ok');
    });

    it('evicts the least recently used entry beyond its size', async () => {
      const cache = new DashboardCache({ maxEntries: 2, ttlMs: 1000 });
      const compute = vi.fn(async () => 0);
      await cache.get('a', 'v', compute, 0);
      await cache.get('b', 'v', compute, 0);
      await cache.get('a', 'v', compute, 0); // a is now the most recent
      await cache.get('c', 'v', compute, 0); // evicts b
      await cache.get('a', 'v', compute, 0);
      expect(compute).toHaveBeenCalledTimes(3);
      await cache.get('b', 'v', compute, 0);
      expect(compute).toHaveBeenCalledTimes(4);
    });
  });
});
