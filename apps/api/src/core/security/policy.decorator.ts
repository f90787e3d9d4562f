import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Capability, USER_ROLES, type UserRole, rolesWith } from '@im/contracts';

/**
 * Who may call a route. Every route declares one — the global AccessGuard denies any route without
 * it, and a test enumerates the registered routes to prove none lacks one.
 *  - `public`: anyone, signed in or not (health, login);
 *  - `signed-in`: any signed-in user, whatever the role (own session and profile);
 *  - `capability`: signed-in users whose role holds the capability (ROLE_CAPABILITIES in @im/contracts).
 */
export type RoutePolicy = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'capability'; capability: Capability };

export const POLICY_KEY = 'im:route-policy';

/** Anyone may call the route (no session needed). State-changing public routes still get the Origin check. */
export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies RoutePolicy);

/** Any signed-in user, whatever the role. */
export const SignedIn = () =>
  applyDecorators(
    SetMetadata(POLICY_KEY, { kind: 'signed-in' } satisfies RoutePolicy),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'AUTH_REQUIRED / AUTH_SESSION_EXPIRED — not signed in' }),
  );

/** Signed-in users whose role holds the capability; reads are then narrowed to the user's scope by the query layer. */
export const Can = (capability: Capability) =>
  applyDecorators(
    SetMetadata(POLICY_KEY, { kind: 'capability', capability } satisfies RoutePolicy),
    ApiCookieAuth('session'),
    ApiUnauthorizedResponse({ description: 'AUTH_REQUIRED / AUTH_SESSION_EXPIRED — not signed in' }),
    ApiForbiddenResponse({ description: `AUTH_FORBIDDEN — needs ${capability} (${rolesWith(capability).join(', ')}); AUTH_CSRF_INVALID on a write without the CSRF header` }),
  );

/** Roles a policy lets through (`anonymous` included for public routes) — for the route × role table. */
export function rolesOfPolicy(policy: RoutePolicy): (UserRole | 'anonymous')[] {
  if (policy.kind === 'public') return ['anonymous', ...USER_ROLES];
  if (policy.kind === 'signed-in') return [...USER_ROLES];
  return rolesWith(policy.capability);
}

/** `public`, `signed-in` or the capability name (how docs/SECURITY.md writes a policy). */
export function describePolicy(policy: RoutePolicy): string {
  return policy.kind === 'capability' ? policy.capability : policy.kind;
}
