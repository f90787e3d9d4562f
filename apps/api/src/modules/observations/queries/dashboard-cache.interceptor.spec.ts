import { describe, expect, it, vi } from 'vitest';
import { lastValueFrom, of, throwError } from 'rxjs';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { DashboardCache } from './dashboard-cache';
import { DashboardCacheInterceptor, DashboardWriteInterceptor } from './dashboard-cache.interceptor';
import type { DashboardContext } from './dashboard-context';

function fakeContext(): DashboardContext {
  const cache = new DashboardCache({ maxEntries: 10, ttlMs: 1000 });
  return { cached: (key: string, compute: () => Promise<unknown>) => cache.get(key, 'v1', compute) } as unknown as DashboardContext;
}
const http = (method: string, url: string) => ({ switchToHttp: () => ({ getRequest: () => ({ method, originalUrl: url }) }) }) as unknown as ExecutionContext;

describe(DashboardCacheInterceptor.name, () => {
  describe('intercept', () => {
    it('answers repeated GETs of a URL from the cache', async () => {
      const interceptor = new DashboardCacheInterceptor(fakeContext());
      const handle = vi.fn(() => of({ n: 1 }));
      const next: CallHandler = { handle };
      expect(await lastValueFrom(interceptor.intercept(http('GET', '/api/plans/p/progress'), next))).toEqual({ n: 1 });
      expect(await lastValueFrom(interceptor.intercept(http('GET', '/api/plans/p/progress'), next))).toEqual({ n: 1 });
      expect(handle).toHaveBeenCalledTimes(1);
      await lastValueFrom(interceptor.intercept(http('GET', '/api/plans/p/progress?asOf=2025-06'), next));
      expect(handle).toHaveBeenCalledTimes(2);
    });

    it('never caches other methods', async () => {
      const interceptor = new DashboardCacheInterceptor(fakeContext());
      const handle = vi.fn(() => of('ok'));
      await lastValueFrom(interceptor.intercept(http('POST', '/api/plans'), { handle }));
      await lastValueFrom(interceptor.intercept(http('POST', '/api/plans'), { handle }));
      expect(handle).toHaveBeenCalledTimes(2);
    });
  });
});

describe(DashboardWriteInterceptor.name, () => {
  describe('intercept', () => {
    it('drops cached answers after a successful write, not after a read or a failed write', async () => {
      const touch = vi.fn();
      const interceptor = new DashboardWriteInterceptor({ touch } as unknown as DashboardContext);
      await lastValueFrom(interceptor.intercept(http('GET', '/api/plans/p'), { handle: () => of('read') }));
      expect(touch).not.toHaveBeenCalled();
      await lastValueFrom(interceptor.intercept(http('PATCH', '/api/plans/p'), { handle: () => of('written') }));
      expect(touch).toHaveBeenCalledTimes(1);
      await expect(lastValueFrom(interceptor.intercept(http('POST', '/api/plans'), { handle: () => throwError(() => new Error('refused')) }))).rejects.toThrow('refused');
      expect(touch).toHaveBeenCalledTimes(1);
    });
  });
});
