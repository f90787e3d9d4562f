import { AsyncLocalStorage } from 'node:async_hooks';
import type { UserRole } from '@im/contracts';

/** Who made the request, as the audit log records it. */
export interface Actor {
  userId: number | null;
  username: string;
  role: UserRole | null;
}

/** Per-request facts that services need without threading them through every call (audit metadata, log correlation). */
export interface RequestContext {
  correlationId: string;
  ip: string | null;
  actor: Actor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with a request context (middleware for HTTP requests; the CLI runs its commands in one too). */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's context, or undefined outside a request (jobs, start-up). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records the authenticated user on the current request's context (the access guard calls it). */
export function setCurrentActor(actor: Actor | null): void {
  const store = storage.getStore();
  if (store) store.actor = actor;
}

/** The actor of processes without an HTTP request: start-up bootstrap, CLI. */
export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', role: null };
