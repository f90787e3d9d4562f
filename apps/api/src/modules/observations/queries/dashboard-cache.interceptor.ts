import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, lastValueFrom, tap, type Observable } from 'rxjs';
import { DashboardContext } from './dashboard-context';

/** Answers of routes outside the observations' data version (plan progress) are kept this long at most. */
export const HTTP_CACHE_TTL_MS = 60_000;

/**
 * Caches the JSON answer of a GET route per URL under the dashboards' data version, e.g. the plan
 * progress behind the overview (`@UseInterceptors(DashboardCacheInterceptor)` on its controller):
 * identical requests between two commits are answered from memory, concurrent ones share one
 * computation. Its data must change only with batches (the data version), or its writer must call
 * `DashboardContext.touch()`; answers also expire after {@link HTTP_CACHE_TTL_MS}. Routes whose answer
 * depends on the user must not use it until the key includes the user's access scope.
 */
@Injectable()
export class DashboardCacheInterceptor implements NestInterceptor {
  constructor(private readonly context: DashboardContext) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.method !== 'GET') return next.handle();
    return from(this.context.cached(`http:${req.originalUrl}`, () => lastValueFrom(next.handle()), HTTP_CACHE_TTL_MS));
  }
}

/**
 * For controllers whose writes change what cached dashboard answers show (plans, targets): a
 * successful non-GET request drops this process's cached answers (`DashboardContext.touch()`).
 */
@Injectable()
export class DashboardWriteInterceptor implements NestInterceptor {
  constructor(private readonly context: DashboardContext) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD') return next.handle();
    return next.handle().pipe(tap(() => this.context.touch()));
  }
}
