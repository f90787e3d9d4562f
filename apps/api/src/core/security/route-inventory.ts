import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { USER_ROLES, type UserRole } from '@im/contracts';
import { describePolicy, POLICY_KEY, rolesOfPolicy, type RoutePolicy } from './policy.decorator';

export interface RouteEntry {
  method: string;
  /** Full path with the global prefix, Nest/Express parameter syntax (`/api/users/:id`). */
  path: string;
  controller: string;
  handler: string;
  policy: RoutePolicy | null;
}

const joinPath = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

/**
 * Every route the application's controllers declare, with the policy the AccessGuard will apply —
 * read from the same metadata the guard reads. The route-policy test and docs/SECURITY.md's route ×
 * role table are built from it.
 */
export function listRoutes(app: INestApplication, globalPrefix = 'api'): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!type || seen.has(type)) continue;
      seen.add(type);
      const base = (Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined) ?? '';
      const classPolicy = Reflect.getMetadata(POLICY_KEY, type) as RoutePolicy | undefined;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        if (name === 'constructor') continue;
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const policy = (Reflect.getMetadata(POLICY_KEY, handler) as RoutePolicy | undefined) ?? classPolicy ?? null;
        for (const b of Array.isArray(base) ? base : [base]) {
          for (const p of Array.isArray(path) ? path : [path]) {
            routes.push({ method: RequestMethod[method], path: joinPath(globalPrefix, b, p), controller: type.name, handler: name, policy });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** The markdown route × role table of docs/SECURITY.md (✓ allowed; anonymous only on public routes). */
export function routeRoleTable(routes: readonly RouteEntry[]): string {
  const columns: (UserRole | 'anonymous')[] = ['anonymous', ...USER_ROLES];
  const lines = [`| method | path | policy | ${columns.join(' | ')} |`, `|---|---|---|${columns.map(() => ':-:').join('|')}|`];
  for (const r of routes) {
    const allowed = r.policy ? rolesOfPolicy(r.policy) : [];
    lines.push(`| ${r.method} | \`${r.path}\` | ${r.policy ? describePolicy(r.policy) : '**none (denied)**'} | ${columns.map((c) => (allowed.includes(c) ? '✓' : '')).join(' | ')} |`);
  }
  return lines.join('\n');
}
